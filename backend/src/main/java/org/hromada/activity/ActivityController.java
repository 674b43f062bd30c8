package org.hromada.activity;

import org.hromada.graphql.Pages;
import org.hromada.security.Access;
import reactor.core.publisher.Flux;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class ActivityController {

	private final ActivityService activities;

	private final ActivityFeed feed;

	ActivityController(ActivityService activities, ActivityFeed feed) {
		this.activities = activities;
		this.feed = feed;
	}

	@QueryMapping
	Window<Activity> activities(@Argument ActivityFilter filter, @Argument Integer first, ScrollSubrange subrange,
			Access access) {
		return this.activities.list((filter != null) ? filter : ActivityFilter.NONE, Pages.position(subrange),
				Pages.limit(first), access);
	}

	/**
	 * New entries the caller may see, as they are appended: the scope of the activities
	 * query, applied to each entry of the shared feed.
	 */
	@SubscriptionMapping
	Flux<Activity> activityAdded(@Argument ActivityFilter filter, Access access) {
		ActivityFilter conditions = (filter != null) ? filter : ActivityFilter.NONE;
		return this.feed.entries(access).filter(conditions::matchesLive);
	}

}
