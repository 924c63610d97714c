package io.datamint.spark.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.api.model.Resource;
import org.junit.jupiter.api.Test;

class DecodeCostTest {

  private static Resource resource(String json) throws Exception {
    return Resource.fromJson(Json.readValue(json));
  }

  @Test
  void pixelsFromTheMetadataWhenItStatesThem() throws Exception {
    Resource ct =
        resource(
            "{\"id\":\"a\",\"filename\":\"a.dcm\",\"mimetype\":\"application/dicom\","
                + "\"storage\":\"DicomResource\",\"size\":1000,"
                + "\"metadata\":{\"Rows\":512,\"Columns\":256,\"frame_count\":3}}");
    assertThat(DecodeCost.of(ct)).isEqualTo(512L * 256 * 3 * DecodeCost.COST_PER_PIXEL);
  }

  @Test
  void fileSizeOtherwiseWithCompressedBytesCostingMore() throws Exception {
    Resource photo =
        resource(
            "{\"id\":\"p\",\"filename\":\"p.jpg\",\"mimetype\":\"image/jpeg\","
                + "\"storage\":\"ImageResource\",\"size\":1000}");
    Resource dicom =
        resource(
            "{\"id\":\"d\",\"filename\":\"d.dcm\",\"mimetype\":\"application/dicom\","
                + "\"storage\":\"DicomResource\",\"size\":1000}");
    Resource unknown = resource("{\"id\":\"u\",\"filename\":\"u.dcm\"}");
    assertThat(DecodeCost.of(photo)).isEqualTo(1000 * DecodeCost.COMPRESSED_COST_PER_BYTE);
    assertThat(DecodeCost.of(dicom)).isEqualTo(1000);
    assertThat(DecodeCost.of(unknown)).isEqualTo(PartitionPlanner.UNKNOWN_SIZE_ESTIMATE);
  }
}
