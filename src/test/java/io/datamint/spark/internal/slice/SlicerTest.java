package io.datamint.spark.internal.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlicerTest {

  private static final DecodeLimits LIMITS = DecodeLimits.defaults();

  @Test
  void matchesNaiveIndexMathForEveryDtypeRankAxisAndIndex() throws DecodeException {
    Random random = new Random(7);
    for (DType dtype : DType.values()) {
      for (int rank = 2; rank <= 5; rank++) {
        for (int trial = 0; trial < 3; trial++) {
          int[] shape = new int[rank];
          for (int i = 0; i < rank; i++) {
            shape[i] = 1 + random.nextInt(5);
          }
          PixelArray array = randomArray(random, dtype, shape);
          for (int axis = 0; axis < rank; axis++) {
            for (int index = 0; index < shape[axis]; index++) {
              PixelArray got = Slicer.take(array, axis, index, LIMITS);
              PixelArray want = naiveTake(array, axis, index);
              assertThat(got.dtype()).isEqualTo(dtype);
              assertThat(got.shape()).containsExactly(want.shape());
              assertThat(bytes(got))
                  .as("%s axis %d index %d", array, axis, index)
                  .isEqualTo(bytes(want));
            }
          }
        }
      }
    }
  }

  @Test
  void slicesACdhwVolumeIntoThePlanesNumpyTakeGives() throws DecodeException {
    // (C, D, H, W) = (2, 3, 4, 5), value = c*1000 + d*100 + h*10 + w
    PixelArray volume = PixelArray.allocate(LIMITS, DType.INT16, 2, 3, 4, 5);
    ByteBuffer data = volume.data();
    for (int c = 0; c < 2; c++) {
      for (int d = 0; d < 3; d++) {
        for (int h = 0; h < 4; h++) {
          for (int w = 0; w < 5; w++) {
            data.putShort(
                2 * (((c * 3 + d) * 4 + h) * 5 + w), (short) (c * 1000 + d * 100 + h * 10 + w));
          }
        }
      }
    }
    PixelArray coronal = Slicer.take(volume, 2, 3, LIMITS);
    assertThat(coronal.shape()).containsExactly(2, 3, 5);
    assertThat(coronal.data().getShort(2 * ((1 * 3 + 2) * 5 + 4))).isEqualTo((short) 1234);
    PixelArray sagittal = Slicer.take(volume, 3, 1, LIMITS);
    assertThat(sagittal.shape()).containsExactly(2, 3, 4);
    assertThat(sagittal.data().getShort(2 * ((1 * 3 + 2) * 4 + 3))).isEqualTo((short) 1231);
    // the source is untouched
    assertThat(volume.data().position()).isZero();
  }

  @Test
  void frameLabelMatrixGivesOneRow() throws DecodeException {
    PixelArray labels = PixelArray.allocate(LIMITS, DType.UINT8, 4, 3);
    for (int i = 0; i < 12; i++) {
      labels.data().put(i, (byte) i);
    }
    PixelArray row = Slicer.take(labels, 0, 2, LIMITS);
    assertThat(row.shape()).containsExactly(3);
    assertThat(bytes(row)).containsExactly(6, 7, 8);
  }

  @Test
  void emptyInstanceMasksStayEmpty() throws DecodeException {
    PixelArray masks = PixelArray.wrap(DType.UINT8, new int[] {0, 3, 4, 5}, ByteBuffer.allocate(0));
    PixelArray slice = Slicer.take(masks, 1, 2, LIMITS);
    assertThat(slice.shape()).containsExactly(0, 4, 5);
    assertThat(slice.elementCount()).isZero();
  }

  @Test
  void rejectsOutOfRangeIndexAxisAndRank() throws DecodeException {
    PixelArray array = PixelArray.allocate(LIMITS, DType.FLOAT32, 2, 3);
    assertThatThrownBy(() -> Slicer.take(array, 1, 3, LIMITS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 3")
        .hasMessageContaining("size 3");
    assertThatThrownBy(() -> Slicer.take(array, 0, -1, LIMITS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Slicer.take(array, 2, 0, LIMITS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("axis 2");
    PixelArray vector = PixelArray.allocate(LIMITS, DType.FLOAT32, 4);
    assertThatThrownBy(() -> Slicer.take(vector, 0, 0, LIMITS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultIsCheckedAgainstTheLimits() throws DecodeException {
    PixelArray array = PixelArray.allocate(LIMITS, DType.INT32, 2, 64, 64);
    assertThatThrownBy(() -> Slicer.take(array, 0, 0, new DecodeLimits(1000)))
        .isInstanceOf(DecodeException.class);
  }

  private static PixelArray randomArray(Random random, DType dtype, int[] shape)
      throws DecodeException {
    PixelArray array = PixelArray.allocate(LIMITS, dtype, shape);
    byte[] values = new byte[array.data().capacity()];
    random.nextBytes(values);
    array.data().put(0, values);
    return array;
  }

  /** np.take(array, index, axis) element by element, from flat indices. */
  private static PixelArray naiveTake(PixelArray array, int axis, int index)
      throws DecodeException {
    int[] shape = array.shape();
    int[] out = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        out[j++] = shape[i];
      }
    }
    PixelArray result = PixelArray.allocate(LIMITS, array.dtype(), out);
    int item = array.dtype().itemSize();
    int[] outIndex = new int[out.length];
    for (long flat = 0; flat < result.elementCount(); flat++) {
      long rest = flat;
      for (int k = out.length - 1; k >= 0; k--) {
        outIndex[k] = (int) (rest % out[k]);
        rest /= out[k];
      }
      long src = 0;
      for (int i = 0, j = 0; i < shape.length; i++) {
        int coordinate = i == axis ? index : outIndex[j++];
        src = src * shape[i] + coordinate;
      }
      for (int b = 0; b < item; b++) {
        result.data().put((int) (flat * item + b), array.data().get((int) (src * item + b)));
      }
    }
    return result;
  }

  private static byte[] bytes(PixelArray array) {
    byte[] out = new byte[array.data().capacity()];
    array.data().get(0, out);
    return out;
  }
}
