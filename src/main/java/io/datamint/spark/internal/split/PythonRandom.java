package io.datamint.spark.internal.split;

import java.math.BigInteger;
import java.util.List;

/**
 * CPython's {@code random.Random(seed)} for integer seeds: the MT19937 generator seeded by {@code
 * init_by_array} over the 32-bit little-endian words of {@code abs(seed)}, with {@code
 * getrandbits}, {@code _randbelow} (rejection sampling) and {@code shuffle} (Fisher-Yates from the
 * end) drawing exactly the numbers CPython 3.11 draws. Not thread-safe.
 */
final class PythonRandom {

  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int mti = N + 1;

  /** Seeds like {@code random.Random(seed)} with a Python int. */
  public PythonRandom(long seed) {
    this(BigInteger.valueOf(seed));
  }

  /**
   * Seeds like {@code random.Random(seed)} with a Python int of any size; the sign is ignored, as
   * in CPython.
   */
  public PythonRandom(BigInteger seed) {
    initByArray(keyWords(seed.abs()));
  }

  /** The 32-bit words of a non-negative integer, least significant first; {@code [0]} for 0. */
  static int[] keyWords(BigInteger value) {
    int words = Math.max(1, (value.bitLength() + 31) / 32);
    int[] key = new int[words];
    for (int i = 0; i < words; i++) {
      key[i] = value.shiftRight(32 * i).intValue();
    }
    return key;
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (mti = 1; mti < N; mti++) {
      int prev = mt[mti - 1];
      mt[mti] = 1812433253 * (prev ^ (prev >>> 30)) + mti;
    }
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      int prev = mt[i - 1];
      mt[i] = (mt[i] ^ ((prev ^ (prev >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      int prev = mt[i - 1];
      mt[i] = (mt[i] ^ ((prev ^ (prev >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = UPPER_MASK;
  }

  private void twist() {
    for (int kk = 0; kk < N; kk++) {
      int y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
      mt[kk] = mt[(kk + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    mti = 0;
  }

  /** The next 32-bit output of MT19937 ({@code genrand_uint32}), as an unsigned value in a long. */
  public long genrandUint32() {
    if (mti >= N) {
      twist();
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return Integer.toUnsignedLong(y);
  }

  /**
   * {@code getrandbits(k)}: a non-negative integer of {@code k} random bits. Words are drawn least
   * significant first; the last word keeps its top {@code k mod 32} bits.
   *
   * @throws IllegalArgumentException when {@code k < 0}
   */
  public BigInteger getrandbits(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("number of bits must be non-negative, got " + k);
    }
    if (k <= 32) {
      return BigInteger.valueOf(bits32(k));
    }
    BigInteger result = BigInteger.ZERO;
    int shift = 0;
    for (int remaining = k; remaining > 0; remaining -= 32, shift += 32) {
      long word = genrandUint32();
      if (remaining < 32) {
        word >>>= 32 - remaining;
      }
      result = result.or(BigInteger.valueOf(word).shiftLeft(shift));
    }
    return result;
  }

  private long bits32(int k) {
    if (k == 0) {
      return 0;
    }
    return genrandUint32() >>> (32 - k);
  }

  /**
   * {@code _randbelow(n)}: a uniform integer in {@code [0, n)} by drawing {@code n.bit_length()}
   * bits until the value is below {@code n}.
   *
   * @throws IllegalArgumentException when {@code n <= 0}
   */
  public int randbelow(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("randbelow needs a positive bound, got " + n);
    }
    int k = 32 - Integer.numberOfLeadingZeros(n);
    long r = bits32(k);
    while (r >= n) {
      r = bits32(k);
    }
    return (int) r;
  }

  /**
   * {@code shuffle(x)} in place: for {@code i} from {@code size-1} down to 1, swap {@code x[i]}
   * with {@code x[randbelow(i+1)]}.
   */
  public <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = randbelow(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }
}
