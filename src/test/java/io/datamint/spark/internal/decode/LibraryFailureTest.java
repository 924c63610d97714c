package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A library's failure in words: its text without Java class names, or what its kind means. */
@Tag("spark-independent")
class LibraryFailureTest {

  @Test
  void theLibrarysTextWithoutItsClassName() {
    assertThat(LibraryFailure.text(new IIOException("Unsupported marker type 0xa2")))
        .isEqualTo("Unsupported marker type 0xa2");
    assertThat(
            LibraryFailure.said(
                "the JPEG decoder", new IIOException("Unsupported marker type 0xa2")))
        .isEqualTo(" (the JPEG decoder said: Unsupported marker type 0xa2)");
  }

  @Test
  void classNamesInsideTheTextAreTakenOut() {
    assertThat(
            LibraryFailure.text(
                new IIOException(
                    "Caught exception during read: java.lang.ArrayIndexOutOfBoundsException: Index 3"
                        + " out of bounds for length 3")))
        .isEqualTo("Caught exception during read: Index 3 out of bounds for length 3");
    assertThat(LibraryFailure.text(new IOException("javax.imageio.IIOException: bad Huffman code")))
        .isEqualTo("bad Huffman code");
    assertThat(LibraryFailure.text(new IIOException("Caught exception: java.io.EOFException")))
        .isEqualTo("Caught exception: the data ends early");
  }

  @Test
  void aFailureWithoutTextIsSaidInWords() {
    assertThat(LibraryFailure.text(new EOFException())).isEqualTo("the data ends early");
    assertThat(LibraryFailure.text(new IOException(new EOFException())))
        .isEqualTo("the data ends early"); // the message is the cause's class name
    assertThat(LibraryFailure.text(new NegativeArraySizeException("-5")))
        .isEqualTo("a size in the data is negative: -5");
    assertThat(LibraryFailure.text(new RuntimeException())).isEqualTo("it gave no reason");
  }
}
