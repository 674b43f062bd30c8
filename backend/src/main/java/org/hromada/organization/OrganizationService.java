package org.hromada.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hromada.activity.ActivityService;
import org.hromada.community.CommunityService;
import org.hromada.graphql.Pages;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.NameFilter;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.organization.OrganizationInputs.CreateOrganizationInput;
import org.hromada.organization.OrganizationInputs.OrganizationFilter;
import org.hromada.organization.OrganizationInputs.UpdateOrganizationInput;
import org.hromada.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Partner organisations: lookups for every feature (by id, by the key partners carry in
 * their tokens), the filtered list, and the admin changes. Each change is validated as a
 * whole, its communities checked to exist in one query, guarded by the unique key index
 * and the document version, and recorded in the activity log.
 */
@Service
public class OrganizationService {

	private static final Sort BY_KEY = Sort.by("key", "id");

	private final OrganizationRepository repository;

	private final MongoTemplate mongo;

	private final OrganizationMapper mapper;

	private final InputValidation validation;

	private final CommunityService communities;

	private final ActivityService activities;

	OrganizationService(OrganizationRepository repository, MongoTemplate mongo, OrganizationMapper mapper,
			InputValidation validation, CommunityService communities, ActivityService activities) {
		this.repository = repository;
		this.mongo = mongo;
		this.mapper = mapper;
		this.validation = validation;
		this.communities = communities;
		this.activities = activities;
	}

	public Optional<Organization> findById(String id) {
		return this.repository.findById(id).map(this.mapper::toApi);
	}

	public Optional<Organization> findByKey(String key) {
		return this.repository.findByKey(key).map(this.mapper::toApi);
	}

	/**
	 * Organisations by key in one query, for batch loading and for checking references;
	 * unknown keys are absent.
	 */
	public Map<String, Organization> findByKeys(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		return this.repository.findByKeyIn(keys)
			.stream()
			.map(this.mapper::toApi)
			.collect(Collectors.toMap(Organization::key, Function.identity()));
	}

	Window<Organization> list(OrganizationFilter filter, ScrollPosition position, Limit limit) {
		List<Criteria> conditions = new ArrayList<>();
		if (filter.nameContains() != null) {
			conditions.add(NameFilter.containing(filter.nameContains(), "name.uk", "name.en", "acronym"));
		}
		if (filter.type() != null) {
			conditions.add(Criteria.where("type").is(filter.type()));
		}
		if (filter.sector() != null) {
			conditions.add(Criteria.where("sectors").is(filter.sector()));
		}
		if (filter.communityPcode() != null) {
			conditions.add(Criteria.where("communityPcodes").is(filter.communityPcode()));
		}
		Query query = conditions.isEmpty() ? new Query() : new Query(new Criteria().andOperator(conditions));
		query.with(BY_KEY).with(Pages.requireKeysOf(position, BY_KEY)).limit(limit);
		return this.mongo.scroll(query, OrganizationDocument.class).map(this.mapper::toApi);
	}

	Organization create(CreateOrganizationInput input, Caller caller) {
		OrganizationFields given = input.fields();
		OrganizationFields fields = given.normalized();
		this.validation.require(fields, "input");
		requireCommunities(given.communityPcodes());
		if (this.repository.findByKey(fields.key()).isPresent()) {
			throw new UserErrorException(duplicateKey(fields.key()));
		}
		OrganizationDocument document = new OrganizationDocument();
		this.mapper.apply(fields, document);
		document.setSample(Boolean.TRUE.equals(input.sample()));
		OrganizationDocument saved = insert(document);
		recordChange(caller, "organization.created", saved);
		return this.mapper.toApi(saved);
	}

	Organization update(UpdateOrganizationInput input, Caller caller) {
		OrganizationDocument document = this.repository.findById(input.id())
			.orElseThrow(() -> new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No organisation has this id", "input", "id")));
		Payloads.requireVersion("organisation", document.getVersion(), input.version());
		OrganizationFields current = this.mapper.toFields(document);
		OrganizationFields given = input.applyTo(current);
		OrganizationFields changed = given.normalized();
		this.validation.require(changed, "input");
		if (input.changesCommunities()) {
			requireCommunities(given.communityPcodes());
		}
		if (changed.equals(current)) {
			return this.mapper.toApi(document);
		}
		this.mapper.apply(changed, document);
		OrganizationDocument saved = this.repository.save(document);
		recordChange(caller, "organization.updated", saved);
		return this.mapper.toApi(saved);
	}

	/**
	 * Every P-code must name a stored community, checked in one query; each unknown one
	 * is reported at its index in the input.
	 */
	private void requireCommunities(List<String> pcodes) {
		if (pcodes.isEmpty()) {
			return;
		}
		Set<String> known = this.communities.findByPcodes(Set.copyOf(pcodes)).keySet();
		List<UserError> errors = new ArrayList<>();
		for (int i = 0; i < pcodes.size(); i++) {
			if (!known.contains(pcodes.get(i))) {
				errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No community has P-code " + pcodes.get(i), "input",
						"communityPcodes", String.valueOf(i)));
			}
		}
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
	}

	/**
	 * Stores a new organisation; the unique index settles a race between two creators of
	 * one key.
	 */
	private OrganizationDocument insert(OrganizationDocument document) {
		try {
			return this.repository.insert(document);
		}
		catch (DuplicateKeyException ex) {
			throw new UserErrorException(duplicateKey(document.getKey()));
		}
	}

	private void recordChange(Caller caller, String action, OrganizationDocument organization) {
		this.activities.record(caller, action, "Organization", organization.getId(), null,
				"Organisation " + organization.getKey() + " (" + organization.getName().en() + ") "
						+ action.substring(action.indexOf('.') + 1));
	}

	private static UserError duplicateKey(String key) {
		return UserError.of(UserErrorCode.DUPLICATE, "Another organisation already has key " + key, "input", "key");
	}

}
