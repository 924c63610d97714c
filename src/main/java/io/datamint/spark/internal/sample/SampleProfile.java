package io.datamint.spark.internal.sample;

import java.util.List;
import java.util.stream.Stream;

/**
 * The sample project's size knobs: how many annotators annotate it and how many frames each
 * ultrasound clip has. {@link #DEFAULT} is the sample project (two annotators, 24 frames), written
 * byte for byte as without a profile; a larger profile keeps every resource and annotation of the
 * sample and adds, per extra annotator, masks, labels and categories on the same resources (frame
 * masks and frame labels spread over the whole clip, so frames past the sample's 24 are annotated).
 *
 * @param annotators the annotators, {@value #MIN_ANNOTATORS} to {@value #MAX_ANNOTATORS}: alice and
 *     bob, then {@link #extraAnnotators()}
 * @param videoFrames the frames of each clip, {@value #MIN_VIDEO_FRAMES} (the sample's frame
 *     annotations reach frame 23) to {@value #MAX_VIDEO_FRAMES}
 */
public record SampleProfile(int annotators, int videoFrames) {

  static final int MIN_ANNOTATORS = 2;
  static final int MAX_ANNOTATORS = 8;
  static final int MIN_VIDEO_FRAMES = 24;
  static final int MAX_VIDEO_FRAMES = 600;

  /** The sample project: alice and bob, clips of 24 frames. */
  public static final SampleProfile DEFAULT = new SampleProfile(2, 24);

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
