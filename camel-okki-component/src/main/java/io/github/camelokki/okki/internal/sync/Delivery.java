package io.github.camelokki.okki.internal.sync;

import java.util.List;

/**
 * Records a sync hands to the route as one exchange: one record with splitResult, otherwise what is new on a page.
 *
 * @param records    the records, as OKKI sent them
 * @param ids        each record's id (null where it has none)
 * @param keys       each record version's key, as the sync de-duplicates it
 * @param serverTime OKKI's clock when it answered the page
 * @param deleted    whether they come from the deleted listing
 * @param index      with splitResult, the record's position among those the walk delivered (Camel's batch index)
 * @param size       with splitResult, OKKI's count for the window (versions delivered before are skipped, so fewer
 *                   may arrive); null when OKKI reports none
 * @param complete   with splitResult, whether this is the walk's last record
 */
public record Delivery(List<?> records, List<Object> ids, List<String> keys, String serverTime, boolean deleted, int index, Integer size,
        boolean complete) {
}
