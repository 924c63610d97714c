package io.datamint.spark.internal.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.config.DatasetKind;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import org.junit.jupiter.api.Test;

class ItemLayoutTest {

  /** (N, C, H, W) filled with value = n*1000 + c*100 + h*10 + w. */
  private static PixelArray nchw(int n, int c, int h, int w) throws Exception {
    PixelArray a = PixelArray.allocate(DecodeLimits.defaults(), DType.INT32, n, c, h, w);
    int i = 0;
    for (int in = 0; in < n; in++) {
      for (int ic = 0; ic < c; ic++) {
        for (int ih = 0; ih < h; ih++) {
          for (int iw = 0; iw < w; iw++) {
            a.data().putInt(4 * i++, in * 1000 + ic * 100 + ih * 10 + iw);
          }
        }
      }
    }
    return a;
  }

  @Test
  void imageDatasetSqueezesTheFrameAxis() throws Exception {
    PixelArray image = ItemLayout.layout(DatasetKind.IMAGE, ResourceKind.IMAGE, nchw(1, 3, 2, 2));
    assertThat(image.shape()).containsExactly(3, 2, 2);
  }

  @Test
  void imageDatasetRefusesSeveralFramesAsTheSdk() {
    assertThatThrownBy(
            () -> ItemLayout.layout(DatasetKind.IMAGE, ResourceKind.DICOM, nchw(4, 1, 2, 2)))
        .hasMessageContaining("single-frame")
        .hasMessageContaining("4 frames");
  }

  @Test
  void volumesAndVideosAreChannelsFirst() throws Exception {
    PixelArray video = ItemLayout.layout(DatasetKind.VIDEO, ResourceKind.VIDEO, nchw(2, 3, 2, 2));
    assertThat(video.shape()).containsExactly(3, 2, 2, 2);
    // element (c=2, d=1, h=1, w=0) must be the decoded (n=1, c=2, h=1, w=0)
    int index = ((2 * 2 + 1) * 2 + 1) * 2;
    assertThat(video.data().getInt(4 * index)).isEqualTo(1210);
    PixelArray volume = ItemLayout.layout(DatasetKind.VOLUME, ResourceKind.NIFTI, nchw(5, 1, 2, 2));
    assertThat(volume.shape()).containsExactly(1, 5, 2, 2);
  }

  @Test
  void autoChoosesByResourceKind() throws Exception {
    assertThat(ItemLayout.layout(DatasetKind.AUTO, ResourceKind.DICOM, nchw(1, 1, 2, 2)).shape())
        .containsExactly(1, 2, 2);
    assertThat(ItemLayout.layout(DatasetKind.AUTO, ResourceKind.DICOM, nchw(3, 1, 2, 2)).shape())
        .containsExactly(1, 3, 2, 2);
    assertThat(ItemLayout.layout(DatasetKind.AUTO, ResourceKind.NIFTI, nchw(1, 1, 2, 2)).shape())
        .containsExactly(1, 1, 2, 2);
    assertThat(ItemLayout.layout(DatasetKind.AUTO, ResourceKind.VIDEO, nchw(1, 3, 2, 2)).shape())
        .containsExactly(3, 1, 2, 2);
    assertThat(ItemLayout.layout(DatasetKind.AUTO, ResourceKind.IMAGE, nchw(1, 4, 2, 2)).shape())
        .containsExactly(4, 2, 2);
  }

  @Test
  void channelsFirstMovesEveryPlaneInPlaceForAnyFramesAndChannels() throws Exception {
    for (int n : new int[] {2, 3, 4, 7, 12}) {
      for (int c : new int[] {2, 3, 4}) {
        PixelArray decoded = nchw(n, c, 2, 3);
        PixelArray image = ItemLayout.layout(DatasetKind.VOLUME, ResourceKind.DICOM, decoded);
        assertThat(image.shape()).containsExactly(c, n, 2, 3);
        assertThat(image.data().array()).as("no second array").isSameAs(decoded.data().array());
        int i = 0;
        for (int ic = 0; ic < c; ic++) {
          for (int in = 0; in < n; in++) {
            for (int ih = 0; ih < 2; ih++) {
              for (int iw = 0; iw < 3; iw++) {
                assertThat(image.data().getInt(4 * i++))
                    .as("n=%d c=%d at (%d, %d, %d, %d)", n, c, ic, in, ih, iw)
                    .isEqualTo(in * 1000 + ic * 100 + ih * 10 + iw);
              }
            }
          }
        }
      }
    }
  }
}
