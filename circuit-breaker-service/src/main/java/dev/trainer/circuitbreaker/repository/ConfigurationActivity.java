package dev.trainer.circuitbreaker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the fills of one configuration have shown so far; kept for a configuration the service does not know yet too,
 * since its fills may come before its configs.trained.
 */
@Entity
@Table(name = "configuration_activity")
public class ConfigurationActivity {

    @Id
    @Column(name = "config_id")
    public String configId;

    /** Losing closing fills in a row. */
    @Column(name = "loss_streak")
    public int lossStreak;

    /** The latest judged fills, oldest first: true = the price moved against the fill within the horizon. */
    @Column(name = "judged_adverse")
    public boolean[] judgedAdverse;

    public static ConfigurationActivity empty(String configId) {
        ConfigurationActivity a = new ConfigurationActivity();
        a.configId = configId;
        a.lossStreak = 0;
        a.judgedAdverse = new boolean[0];
        return a;
    }
}
