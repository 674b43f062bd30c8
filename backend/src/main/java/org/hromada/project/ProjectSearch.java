package org.hromada.project;

import java.util.ArrayList;
import java.util.List;

import org.hromada.graphql.ArgumentValues;
import org.hromada.graphql.BadRequestException;
import org.hromada.graphql.Money;
import org.hromada.graphql.Pages;
import org.hromada.project.ProjectInputs.ProjectFilter;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Lists projects. Every condition is part of the MongoDB query, each backed by an index
 * ({@link ProjectStore}); the funding gap is matched per currency on the stored gaps.
 */
@Component
class ProjectSearch {

	private final MongoTemplate mongo;

	private final ProjectMapper mapper;

	ProjectSearch(MongoTemplate mongo, ProjectMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	Window<Project> list(ProjectFilter filter, ProjectOrder order, ScrollPosition position, Limit limit) {
		Sort sort = sort(order);
		Query query = new Query(where(filter)).with(sort).with(Pages.requireKeysOf(position, sort)).limit(limit);
		return this.mongo.scroll(query, ProjectDocument.class).map(this.mapper::toApi);
	}

	private static Criteria where(ProjectFilter filter) {
		List<Criteria> conditions = new ArrayList<>();
		if (filter.communities() != null) {
			conditions
				.add(Criteria.where("communityPcode").in(ArgumentValues.bounded("communities", filter.communities())));
		}
		if (filter.statuses() != null) {
			conditions.add(Criteria.where("status").in(ArgumentValues.bounded("statuses", filter.statuses())));
		}
		if (filter.assetCategories() != null) {
			conditions.add(Criteria.where("assetCategory")
				.in(ArgumentValues.bounded("assetCategories", filter.assetCategories())));
		}
		if (filter.sectors() != null) {
			conditions.add(Criteria.where("sector").in(ArgumentValues.bounded("sectors", filter.sectors())));
		}
		if (filter.organizationKey() != null) {
			conditions.add(Criteria.where("organizationKeys").is(filter.organizationKey()));
		}
		if (filter.fundingGapAbove() != null) {
			Money gap = filter.fundingGapAbove();
			if (!Money.isCurrency(gap.currency()) || gap.amountMinor() == null || gap.amountMinor() < 0) {
				throw new BadRequestException(
						"filter.fundingGapAbove needs an ISO 4217 currency and an amountMinor of 0 or more");
			}
			conditions.add(Criteria.where("fundingGaps")
				.elemMatch(Criteria.where("currency").is(gap.currency()).and("amountMinor").gt(gap.amountMinor())));
		}
		return conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions);
	}

	/**
	 * Ties go by id ascending: Spring Data's keyset scrolling appends the id ascending to
	 * every sort, whatever direction it is given, and the indexes match what is sent.
	 */
	private static Sort sort(ProjectOrder order) {
		return switch (order) {
			case CREATED -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));
			case UPDATED -> Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("id"));
		};
	}

}
