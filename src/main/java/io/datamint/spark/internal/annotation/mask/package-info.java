/**
 * Segmentation annotations as mask tensors, as the SDK's {@code AnnotationProcessor} builds them
 * (reference §1.6, §2.6 to §2.8), without Spark:
 *
 * <ul>
 *   <li>{@link io.datamint.spark.internal.annotation.mask.MaskDecoder}: one annotation's mask file
 *       to a binary uint8 {@code (N, H, W)}, decoded by the same decoders (and so the same
 *       orientation rule) as the images;
 *   <li>{@link io.datamint.spark.internal.annotation.mask.InstanceMasks}: a resource's segmentation
 *       annotations to one uint8 {@code (N, D, H, W)} instance tensor and int codes per author
 *       ({@link io.datamint.spark.internal.annotation.mask.AuthorMasks});
 *   <li>{@link io.datamint.spark.internal.annotation.mask.SemanticMasks}: instances to a float32
 *       multi-hot {@code (L+1, D, H, W)} with channel 0 the background;
 *   <li>{@link io.datamint.spark.internal.annotation.mask.MaskMerge}: authors' semantic tensors
 *       merged by {@code union}, {@code intersection} or {@code mode}.
 * </ul>
 *
 * <p>Deliberate difference from the SDK: a frame-scoped segmentation keeps its frame index and its
 * single-frame mask is placed at that frame (the SDK's evident intent; the SDK itself drops the
 * frame index when parsing).
 *
 * <p>Bad annotation data (undecodable file, a mask whose size does not match its image, an unknown
 * label) is a {@link io.datamint.spark.error.DecodeException} naming the annotation, which becomes
 * the row's {@code _error} in PERMISSIVE mode: never a wrong mask. Every allocation is bounded by
 * {@link io.datamint.spark.internal.core.DecodeLimits}.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.annotation.mask;
