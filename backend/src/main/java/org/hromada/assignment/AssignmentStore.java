package org.hromada.assignment;

import org.hromada.store.CollectionIndexes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes behind every assignment query: a volunteer's own list and a community's list in
 * window order, the assignments of a task, and the due offers, check-ins and overdue work
 * of the expiry job, the interrupted follow-ups it completes. Schedules are read by id
 * only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssignmentSettings.class)
class AssignmentStore {

	@Bean
	CollectionIndexes assignmentIndexes() {
		return CollectionIndexes
			.of(AssignmentDocument.COLLECTION,
					new Index().on("volunteerId", Direction.ASC)
						.on("windowStart", Direction.ASC)
						.on("_id", Direction.ASC)
						.named("volunteer_window"),
					new Index().on("communityPcode", Direction.ASC)
						.on("windowStart", Direction.ASC)
						.on("_id", Direction.ASC)
						.named("community_window"),
					new Index().on("windowStart", Direction.ASC).on("_id", Direction.ASC).named("window"),
					// Tasks' assignments in window order (also unscoped);
					// conditions on their status are filtered.
					new Index().on("taskKind", Direction.ASC)
						.on("taskId", Direction.ASC)
						.on("windowStart", Direction.ASC)
						.on("_id", Direction.ASC)
						.named("task_window"),
					new Index().on("status", Direction.ASC)
						.on("offerDeadline", Direction.ASC)
						.named("status_offer_deadline"),
					new Index().on("status", Direction.ASC)
						.on("checkInDeadline", Direction.ASC)
						.named("status_check_in_deadline"),
					new Index().on("status", Direction.ASC).on("windowEnd", Direction.ASC).named("status_window_end"),
					// Sparse: only ended assignments whose follow-up is
					// still pending carry the mark.
					new Index().on(AssignmentService.FOLLOW_UP, Direction.ASC)
						.on("updatedAt", Direction.ASC)
						.sparse()
						.named("follow_up_pending"))
			// Earlier releases ordered a task's assignments by status, so listing them
			// sorted in memory.
			.replacing("task_status");
	}

}
