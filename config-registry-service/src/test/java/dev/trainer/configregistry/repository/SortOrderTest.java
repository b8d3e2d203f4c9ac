package dev.trainer.configregistry.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SortOrderTest {

    @Test
    void readsFieldAndDirection() {
        assertEquals(new SortOrder(SortOrder.Field.SHARPE, true), SortOrder.parse("sharpe,desc"));
        assertEquals(new SortOrder(SortOrder.Field.DEFLATED_SHARPE, false), SortOrder.parse(" deflatedSharpe , ASC "));
        assertEquals(new SortOrder(SortOrder.Field.MAX_DRAWDOWN, false), SortOrder.parse("maxDrawdown"));
    }

    @Test
    void newestFirstUnlessSorted() {
        assertEquals(SortOrder.NEWEST_FIRST, SortOrder.parse(null));
        assertEquals(SortOrder.NEWEST_FIRST, SortOrder.parse(" "));
        assertEquals("created,desc", SortOrder.NEWEST_FIRST.toString());
    }

    @Test
    void refusesWhatIsNotWhitelisted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SortOrder.parse("config_id,asc"));
        assertEquals("cannot sort by 'config_id'; sortable: created, netProfit, sharpe, deflatedSharpe, maxDrawdown, "
                + "trades", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SortOrder.parse("sharpe,"));
        assertThrows(IllegalArgumentException.class, () -> SortOrder.parse(",desc"));
    }
}
