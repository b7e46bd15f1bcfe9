package vn.dvcassistant.app.outreach;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One line of a campaign's audit log: created, approved, started, finished; by whom ("system" for sending). */
@Serdeable
public record CampaignAuditLine(String action, String actor, Instant at) {
}
