package io.datamint.spark.internal.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PythonRandomTest {

  private static List<Integer> shuffled(BigInteger seed, int n) {
    List<Integer> list =
        IntStream.range(0, n).boxed().collect(Collectors.toCollection(ArrayList::new));
    new PythonRandom(seed).shuffle(list);
    return list;
  }

  /**
   * {@code l = list(range(n)); random.Random(seed).shuffle(l)}. The first four are the reference's
   * vectors (§3.4); the others were computed with CPython 3.11 ({@code /usr/bin/python3 -c 'import
   * random; ...'}).
   */
  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("42", 10, List.of(7, 3, 2, 8, 5, 6, 9, 4, 0, 1)),
        Arguments.of("0", 5, List.of(2, 1, 0, 4, 3)),
        Arguments.of("7", 10, List.of(8, 3, 1, 4, 7, 0, 9, 6, 2, 5)),
        Arguments.of("123456789012", 6, List.of(5, 1, 4, 2, 0, 3)),
        // computed with CPython 3.11: negative seeds use abs(seed)
        Arguments.of("-42", 10, List.of(7, 3, 2, 8, 5, 6, 9, 4, 0, 1)),
        Arguments.of(
            "1", 20, List.of(11, 5, 17, 19, 9, 0, 16, 1, 15, 6, 10, 13, 14, 12, 7, 3, 8, 2, 18, 4)),
        // computed with CPython 3.11: seed 2**64 + 5 (three key words) and -(2**40) - 3
        Arguments.of("18446744073709551621", 8, List.of(7, 4, 3, 5, 0, 2, 6, 1)),
        Arguments.of("-1099511627779", 12, List.of(10, 7, 2, 6, 9, 11, 5, 4, 1, 8, 0, 3)),
        Arguments.of("0", 1, List.of(0)),
        Arguments.of("0", 0, List.of()));
  }

  @ParameterizedTest(name = "seed {0} n {1}")
  @MethodSource("vectors")
  void shuffleMatchesCPython(String seed, int n, List<Integer> expected) {
    assertThat(shuffled(new BigInteger(seed), n)).isEqualTo(expected);
  }

  @Test
  void longSeedConstructorEqualsBigInteger() {
    List<Integer> list =
        IntStream.range(0, 10).boxed().collect(Collectors.toCollection(ArrayList::new));
    new PythonRandom(123456789012L).shuffle(list);
    assertThat(list).isEqualTo(shuffled(BigInteger.valueOf(123456789012L), 10));
    List<Integer> min =
        IntStream.range(0, 10).boxed().collect(Collectors.toCollection(ArrayList::new));
    new PythonRandom(Long.MIN_VALUE).shuffle(min);
    assertThat(min).isEqualTo(shuffled(BigInteger.valueOf(Long.MIN_VALUE).abs(), 10));
  }

  @Test
  void largeShuffleMatchesCPython() {
    // computed with CPython 3.11: Random(99).shuffle(list(range(1000))), its first 20 and last 10
    // items and
    // sum(i * v for i, v in enumerate(l))
    List<Integer> l = shuffled(BigInteger.valueOf(99), 1000);
    assertThat(l.subList(0, 20))
        .containsExactly(
            852, 720, 591, 114, 174, 191, 589, 483, 462, 912, 895, 790, 663, 417, 950, 643, 639,
            374, 481, 47);
    assertThat(l.subList(990, 1000))
        .containsExactly(88, 778, 136, 254, 235, 183, 613, 204, 389, 413);
    long weighted = 0;
    for (int i = 0; i < l.size(); i++) {
      weighted += (long) i * l.get(i);
    }
    assertThat(weighted).isEqualTo(246992321L);
  }

  @Test
  void getrandbitsMatchesCPython() {
    // computed with CPython 3.11: r = Random(5); [r.getrandbits(32) for _ in range(3)],
    // r.getrandbits(7),
    // r.getrandbits(64), r.getrandbits(100)
    PythonRandom r = new PythonRandom(5);
    assertThat(Arrays.asList(r.getrandbits(32), r.getrandbits(32), r.getrandbits(32)))
        .containsExactly(
            new BigInteger("2675342405"),
            new BigInteger("1097127993"),
            new BigInteger("3185950873"));
    assertThat(r.getrandbits(7)).isEqualTo(BigInteger.valueOf(45));
    assertThat(r.getrandbits(64)).isEqualTo(new BigInteger("12736496262939004471"));
    assertThat(r.getrandbits(100)).isEqualTo(new BigInteger("850902429462863423267844418538"));
    assertThat(r.getrandbits(0)).isEqualTo(BigInteger.ZERO);
    assertThatThrownBy(() -> r.getrandbits(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.randbelow(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyWordsAreLittleEndian32BitWords() {
    assertThat(PythonRandom.keyWords(BigInteger.ZERO)).containsExactly(0);
    assertThat(PythonRandom.keyWords(new BigInteger("18446744073709551621")))
        .containsExactly(5, 0, 1);
  }
}
