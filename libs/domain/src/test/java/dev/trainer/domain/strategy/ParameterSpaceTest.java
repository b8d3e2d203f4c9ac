package dev.trainer.domain.strategy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterSpaceTest {

    private static ParameterSpace abc() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("a", List.of(1, 2));
        spec.put("b", List.of(10, 20, 30));
        spec.put("c", List.of(0.5, 1.5));
        return ParameterSpace.fromJsonLike(spec);
    }

    @Test
    void gridIndexingIsMixedRadixWithTheLastParameterFastest() {
        ParameterSpace s = abc();
        assertTrue(s.isGrid());
        assertEquals(12, s.gridSize());
        // nested loops a, b, c in that order
        int index = 0;
        for (double a : new double[] {1, 2}) {
            for (double b : new double[] {10, 20, 30}) {
                for (double c : new double[] {0.5, 1.5}) {
                    ParameterSet p = s.gridPoint(index++);
                    assertEquals(a, p.get("a"));
                    assertEquals(b, p.get("b"));
                    assertEquals(c, p.get("c"));
                }
            }
        }
        assertEquals(List.of("a", "b", "c"), s.gridPoint(7).names());
        assertThrows(IndexOutOfBoundsException.class, () -> s.gridPoint(12));
    }

    @Test
    void rangesAreNotGridsAndIntRangesAreInclusive() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("n", Map.of("min", 1, "max", 3, "type", "int"));
        spec.put("x", Map.of("min", 0.1, "max", 0.2));
        ParameterSpace s = ParameterSpace.fromJsonLike(spec);
        assertFalse(s.isGrid());
        assertThrows(IllegalStateException.class, s::gridSize);
        SplittableRandom rng = new SplittableRandom(1);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ParameterSet p = s.sample(rng);
            seen.add(p.getInt("n"));
            assertTrue(p.get("x") >= 0.1 && p.get("x") <= 0.2);
            assertTrue(s.contains(p));
        }
        assertEquals(Set.of(1, 2, 3), seen);
    }

    @Test
    void jsonLikeRoundTrips() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("fast", List.of(5, 10));
        spec.put("n", Map.of("min", 1, "max", 3, "type", "int"));
        spec.put("x", Map.of("min", 0.1, "max", 0.2, "type", "float"));
        ParameterSpace s = ParameterSpace.fromJsonLike(spec);
        assertEquals(s, ParameterSpace.fromJsonLike(s.toJsonLike()));
        assertEquals(List.of("fast", "n", "x"), s.names());
    }

    @Test
    void badSpecsAreExplained() {
        var e1 = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpace.fromJsonLike(Map.of("fast", List.of())));
        assertTrue(e1.getMessage().contains("fast"));
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpace.fromJsonLike(Map.of("slow", Map.of("min", 5, "max", 1))));
        assertTrue(e2.getMessage().contains("slow"));
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpace.fromJsonLike(Map.of("k", Map.of("min", 1, "max", 2, "type", "complex"))));
        assertTrue(e3.getMessage().contains("complex"));
        var e4 = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpace.fromJsonLike(Map.of("k", "seven")));
        assertTrue(e4.getMessage().contains("k"));
        var e5 = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpace.fromJsonLike(Map.of("k", List.of(1, "two"))));
        assertTrue(e5.getMessage().contains("two"));
    }

    @Test
    void parameterSetsCompareByContentAndRefuseFractionalInts() {
        ParameterSet a = ParameterSet.of(new LinkedHashMap<>(Map.of("fast", 5)));
        ParameterSet b = ParameterSet.of(Map.of("fast", 5.0));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(ParameterSet.of(Map.of("fast", 6))));
        assertEquals("{fast=5}", a.toString());
        assertEquals(5, a.getInt("fast"));
        var e = assertThrows(IllegalArgumentException.class, () -> ParameterSet.of(Map.of("n", 2.5)).getInt("n"));
        assertTrue(e.getMessage().contains("n"));
        assertThrows(IllegalArgumentException.class, () -> a.get("slow"));
    }

    @Test
    void smaDefaultGridIsSixFastBySevenSlow() {
        TradingStrategy s = StrategyCatalog.get("SMA_CROSSOVER");
        assertEquals(6 * 7, s.defaultSpace().gridSize());
    }
}
