package io.datamint.spark.internal.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sample project's knobs: how many annotators annotate it, how many frames each ultrasound clip
 * has, and which worklist is the project's default ({@code worklist_id}). {@link #DEFAULT} is the
 * sample project (two annotators, 24 frames, the chest X-ray worklist as default), written byte for
 * byte as without a profile; a larger profile keeps every resource and annotation of the sample and
 * adds, per extra annotator, masks, labels and categories on the same resources (frame masks and
 * frame labels spread over the whole clip, so frames past the sample's 24 are annotated).
 *
 * @param annotators the annotators, {@value #MIN_ANNOTATORS} to {@value #MAX_ANNOTATORS}: alice and
 *     bob, then {@link #extraAnnotators()}
 * @param videoFrames the frames of each clip, {@value #MIN_VIDEO_FRAMES} (the sample's frame
 *     annotations reach frame 23) to {@value #MAX_VIDEO_FRAMES}
 * @param defaultWorklist the worklist {@code project.json}'s {@code worklist_id} names: the one
 *     whose annotations the legacy v2.17 {@code DatamintDataset} reads (only the segmentation
 *     worklist holds frame labels)
 */
public record SampleProfile(int annotators, int videoFrames, DefaultWorklist defaultWorklist) {

  /** Which of the sample's two worklists is the project's default. */
  public enum DefaultWorklist {
    /** Chest X-ray review: image labels, categories, lung and heart masks (the sample's). */
    XRAY,
    /** CT and ultrasound segmentation: organ and vessel masks, and the frame labels. */
    SEGMENTATION;

    /** The command-line spelling: {@code xray}, {@code segmentation}. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The value of a command-line name.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static DefaultWorklist of(String name) {
      for (DefaultWorklist w : values()) {
        if (w.cliName().equals(name)) {
          return w;
        }
      }
      throw new IllegalArgumentException(
          "default worklist must be one of "
              + Arrays.stream(values())
                  .map(DefaultWorklist::cliName)
                  .collect(Collectors.joining(", "))
              + ", got '"
              + name
              + "'");
    }
  }

  static final int MIN_ANNOTATORS = 2;
  static final int MAX_ANNOTATORS = 8;
  static final int MIN_VIDEO_FRAMES = 24;
  static final int MAX_VIDEO_FRAMES = 600;

  /** The sample project: alice and bob, clips of 24 frames. */
  public static final SampleProfile DEFAULT = new SampleProfile(2, 24, DefaultWorklist.XRAY);

  /** A profile with the sample's default worklist (chest X-ray review). */
  public SampleProfile(int annotators, int videoFrames) {
    this(annotators, videoFrames, DefaultWorklist.XRAY);
  }

  /** The e-mail addresses of the annotators after alice and bob, in order. */
  private static final List<String> EXTRA =
      List.of(
          "carol@example.com",
          "dave@example.com",
          "erin@example.com",
          "frank@example.com",
          "grace@example.com",
          "heidi@example.com");

  /**
   * @throws IllegalArgumentException naming the value and the accepted range when a knob is out of
   *     range
   */
  public SampleProfile {
    if (defaultWorklist == null) {
      throw new IllegalArgumentException("default worklist must be given");
    }
    if (annotators < MIN_ANNOTATORS || annotators > MAX_ANNOTATORS) {
      throw new IllegalArgumentException(
          "annotators must be " + MIN_ANNOTATORS + " to " + MAX_ANNOTATORS + ", got " + annotators);
    }
    if (videoFrames < MIN_VIDEO_FRAMES || videoFrames > MAX_VIDEO_FRAMES) {
      throw new IllegalArgumentException(
          "video frames must be "
              + MIN_VIDEO_FRAMES
              + " to "
              + MAX_VIDEO_FRAMES
              + " (the sample's frame annotations reach frame 23), got "
              + videoFrames);
    }
  }

  /** Every annotator's e-mail address: alice, bob, then the extra ones. */
  public List<String> annotatorEmails() {
    return Stream.concat(
            Stream.of(SampleContext.ALICE, SampleContext.BOB), extraAnnotators().stream())
        .toList();
  }

  /** The annotators after alice and bob (none in {@link #DEFAULT}). */
  public List<String> extraAnnotators() {
    return EXTRA.subList(0, annotators - MIN_ANNOTATORS);
  }

  /** The display name ({@code firstname}, {@code lastname}) of an extra annotator's address. */
  static String[] extraName(String email) {
    int i = EXTRA.indexOf(email);
    if (i < 0) {
      throw new IllegalArgumentException("unknown sample user " + email);
    }
    String[] last = {"Ndiaye", "Okafor", "Lindqvist", "Russo", "Kowalski", "Haddad"};
    String first = email.substring(0, email.indexOf('@'));
    return new String[] {Character.toUpperCase(first.charAt(0)) + first.substring(1), last[i]};
  }
}
