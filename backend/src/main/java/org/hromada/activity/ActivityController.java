package org.hromada.activity;

import org.hromada.graphql.Pages;
import org.hromada.security.Access;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class ActivityController {

	private final ActivityService activities;

	ActivityController(ActivityService activities) {
		this.activities = activities;
	}

	@QueryMapping
	Window<Activity> activities(@Argument ActivityFilter filter, @Argument Integer first, ScrollSubrange subrange,
			Access access) {
		return this.activities.list((filter != null) ? filter : ActivityFilter.NONE, Pages.position(subrange),
				Pages.limit(first), access);
	}

}
