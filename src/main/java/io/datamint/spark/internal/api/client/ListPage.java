package io.datamint.spark.internal.api.client;

import java.util.List;

/**
 * One page of a list response, its items parsed.
 *
 * @param items the page's items in the server's order
 * @param firstId the first item's {@code id} (null when there is none or it has no text id): a page
 *     at a later offset that starts with the first page's first id shows a server that ignores
 *     paging
 */
record ListPage<T>(List<T> items, String firstId) {}
