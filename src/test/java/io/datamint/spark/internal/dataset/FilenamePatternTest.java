package io.datamint.spark.internal.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilenamePatternTest {

  /** Expected values printed by CPython 3.11's {@code fnmatch.fnmatch(name, pattern)} on Linux. */
  @ParameterizedTest(name = "fnmatch({1}, {0}) = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*.png|a.png|true",
        "*.png|a.PNG|false",
        "*.png|dir/a.png|true",
        "ct_??.nii.gz|ct_01.nii.gz|true",
        "ct_??.nii.gz|ct_1.nii.gz|false",
        "[abc]*|b1|true",
        "[!abc]*|b1|false",
        "[!abc]*|d1|true",
        "[a-c]x|bx|true",
        "[a-c]x|dx|false",
        "a[|a[|true",
        "a[b|a[b|true",
        "[]]|]|true",
        "[!]]|a|true",
        "*.[nN][iI][iI]*|x.NII.gz|true",
        "x.+|x.+|true",
        "x.+|xx+|false",
        "(a)|(a)|true",
        "*|''|true",
      })
  void matchesLikePythonFnmatch(String pattern, String name, boolean expected) {
    assertThat(FilenamePattern.compile(pattern).matches(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"*.png"})
  void nullNameNeverMatches(String pattern) {
    assertThat(FilenamePattern.compile(pattern).matches(null)).isFalse();
  }
}
