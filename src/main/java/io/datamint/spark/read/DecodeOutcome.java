package io.datamint.spark.read;

import io.datamint.spark.decode.PixelArray;
import io.datamint.spark.schema.Columns;

/**
 * What decoding one resource gave: the {@code image} tensor laid out for the dataset, the header and the affine;
 * or the reason it failed. {@link #NOT_READ} when the query needs nothing from the file.
 */
record DecodeOutcome(PixelArray image, String metainfo, double[] affine, String error) {

  static final DecodeOutcome NOT_READ = new DecodeOutcome(null, null, null, null);

  static DecodeOutcome failed(String error) {
    return new DecodeOutcome(null, null, null, error);
  }

  /** The value of a tensor column, by column name. */
  PixelArray tensor(String column) {
    return Columns.IMAGE.equals(column) ? image : null;
  }
}
