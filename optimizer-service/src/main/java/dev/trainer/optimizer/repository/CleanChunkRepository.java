package dev.trainer.optimizer.repository;

import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.serde.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Cleaned candles as received, in chunks; a series is complete when all its chunks are here. */
@ApplicationScoped
public class CleanChunkRepository {

    private final EntityManager em;

    public CleanChunkRepository(EntityManager em) {
        this.em = em;
    }

    public void store(String jobId, String marketKey, int chunkIndex, int chunkCount, String fingerprint, double qualityScore,
            CandleColumns candles) {
        em.createNativeQuery("insert into clean_chunks (job_id, market_key, chunk_index, chunk_count, fingerprint, "
                + "quality_score_fraction, candles) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, jobId).setParameter(2, marketKey).setParameter(3, chunkIndex).setParameter(4, chunkCount)
                .setParameter(5, fingerprint).setParameter(6, qualityScore).setParameter(7, EventJson.write(candles))
                .executeUpdate();
    }

    /** The fingerprint of the job's series for that market once every chunk has arrived, else null. */
    @SuppressWarnings("unchecked")
    public Complete complete(String jobId, String marketKey) {
        List<Object[]> rows = em.createNativeQuery("select fingerprint, max(quality_score_fraction), count(*), max(chunk_count) "
                + "from clean_chunks where job_id = ?1 and market_key = ?2 group by fingerprint")
                .setParameter(1, jobId).setParameter(2, marketKey).getResultList();
        for (Object[] r : rows) {
            if (((Number) r[2]).intValue() == ((Number) r[3]).intValue()) {
                return new Complete((String) r[0], ((Number) r[1]).doubleValue());
            }
        }
        return null;
    }

    /** The chunks of a series by fingerprint, in order (any job's copy: the fingerprint names the content). */
    @SuppressWarnings("unchecked")
    public List<CandleColumns> chunks(String fingerprint) {
        List<byte[]> rows = em.createNativeQuery("select distinct on (chunk_index) candles from clean_chunks "
                + "where fingerprint = ?1 order by chunk_index").setParameter(1, fingerprint).getResultList();
        return rows.stream().map(bytes -> EventJson.read(bytes, CandleColumns.class)).toList();
    }

    public record Complete(String fingerprint, double qualityScore) {
    }
}
