package dev.trainer.configregistry.rest;

import java.util.List;

/**
 * One page of the list of configurations.
 *
 * @param total how many configurations pass the filters, on every page
 * @param page  the page number, from 0
 * @param size  the page size asked for; the last page holds fewer
 */
public record ConfigurationPage(List<ConfigurationView> items, long total, int page, int size) {
}
