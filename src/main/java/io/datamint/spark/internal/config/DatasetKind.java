package io.datamint.spark.internal.config;

import java.util.Locale;

/**
 * Which SDK dataset class a read behaves as (option {@code dataset}), and so the shape of the
 * {@code image} tensor: {@code image} gives {@code (C, H, W)} and refuses files with several
 * frames, as {@code ImageDataset}; {@code volume} and {@code video} give {@code (C, D, H, W)}, as
 * {@code VolumeDataset} and {@code VideoDataset}; {@code auto} (the default) chooses per resource.
 * {@code dataset.ItemLayout} lays the pixels out accordingly.
 */
public enum DatasetKind {
  IMAGE,
  VOLUME,
  VIDEO,
  AUTO;

  /** The option value, lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
