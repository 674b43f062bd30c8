package org.hromada.community;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hromada.activity.ActivityService;
import org.hromada.community.CommunityInputs.CommunityFilter;
import org.hromada.community.CommunityInputs.CreateCommunityInput;
import org.hromada.community.CommunityInputs.UpdateCommunityInput;
import org.hromada.graphql.Pages;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.NameFilter;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
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
 * Communities: lookups for every feature, the filtered list, and the admin changes. Each
 * change is validated as a whole before anything is written, guarded by the unique P-code
 * index and the document version, and recorded in the activity log.
 */
@Service
public class CommunityService {

	private static final Sort BY_PCODE = Sort.by("pcode", "id");

	private final CommunityRepository repository;

	private final MongoTemplate mongo;

	private final CommunityMapper mapper;

	private final InputValidation validation;

	private final ActivityService activities;

	CommunityService(CommunityRepository repository, MongoTemplate mongo, CommunityMapper mapper,
			InputValidation validation, ActivityService activities) {
		this.repository = repository;
		this.mongo = mongo;
		this.mapper = mapper;
		this.validation = validation;
		this.activities = activities;
	}

	public Optional<Community> findById(String id) {
		return this.repository.findById(id).map(this.mapper::toApi);
	}

	public Optional<Community> findByPcode(String pcode) {
		return this.repository.findByPcode(pcode).map(this.mapper::toApi);
	}

	/**
	 * Communities by P-code in one query, for batch loading; unknown P-codes are absent.
	 */
	public Map<String, Community> findByPcodes(Collection<String> pcodes) {
		return this.repository.findByPcodeIn(pcodes)
			.stream()
			.map(this.mapper::toApi)
			.collect(Collectors.toMap(Community::pcode, Function.identity()));
	}

	/** P-codes of the communities in an oblast (adm1), in one indexed query. */
	public List<String> pcodesInAdm1(String adm1Pcode) {
		Query query = new Query(Criteria.where("adm1.pcode").is(adm1Pcode)).with(BY_PCODE);
		query.fields().include("pcode");
		return this.mongo.find(query, CommunityDocument.class).stream().map(CommunityDocument::getPcode).toList();
	}

	Window<Community> list(CommunityFilter filter, ScrollPosition position, Limit limit) {
		List<Criteria> conditions = new ArrayList<>();
		if (filter.nameContains() != null) {
			conditions.add(NameFilter.containing(filter.nameContains(), "name.uk", "name.en"));
		}
		if (filter.adm1Pcode() != null) {
			conditions.add(Criteria.where("adm1.pcode").is(filter.adm1Pcode()));
		}
		if (filter.accessStatus() != null) {
			conditions.add(Criteria.where("accessStatus").is(filter.accessStatus()));
		}
		Query query = conditions.isEmpty() ? new Query() : new Query(new Criteria().andOperator(conditions));
		query.with(BY_PCODE).with(Pages.requireKeysOf(position, BY_PCODE)).limit(limit);
		return this.mongo.scroll(query, CommunityDocument.class).map(this.mapper::toApi);
	}

	Community create(CreateCommunityInput input, Caller caller) {
		CommunityFields fields = input.fields();
		this.validation.require(fields, "input");
		if (this.repository.findByPcode(fields.pcode()).isPresent()) {
			throw new UserErrorException(duplicatePcode(fields.pcode()));
		}
		CommunityDocument document = new CommunityDocument();
		this.mapper.apply(fields, document);
		document.setSample(Boolean.TRUE.equals(input.sample()));
		CommunityDocument saved = insert(document);
		recordChange(caller, "community.created", saved);
		return this.mapper.toApi(saved);
	}

	Community update(UpdateCommunityInput input, Caller caller) {
		CommunityDocument document = this.repository.findById(input.id())
			.orElseThrow(() -> new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No community has this id", "input", "id")));
		Payloads.requireVersion("community", document.getVersion(), input.version());
		CommunityFields current = this.mapper.toFields(document);
		CommunityFields changed = input.applyTo(current);
		this.validation.require(changed, "input");
		if (changed.equals(current)) {
			return this.mapper.toApi(document);
		}
		this.mapper.apply(changed, document);
		CommunityDocument saved = this.repository.save(document);
		recordChange(caller, "community.updated", saved);
		return this.mapper.toApi(saved);
	}

	/**
	 * Stores a new community; the unique index settles a race between two creators of one
	 * P-code.
	 */
	CommunityDocument insert(CommunityDocument document) {
		try {
			return this.repository.insert(document);
		}
		catch (DuplicateKeyException ex) {
			throw new UserErrorException(duplicatePcode(document.getPcode()));
		}
	}

	void recordChange(Caller caller, String action, CommunityDocument community) {
		this.activities.record(caller, action, "Community", community.getId(), community.getPcode(),
				"Community " + community.getPcode() + " (" + community.getName().en() + ") "
						+ action.substring(action.indexOf('.') + 1));
	}

	private static UserError duplicatePcode(String pcode) {
		return UserError.of(UserErrorCode.DUPLICATE, "Another community already has P-code " + pcode, "input", "pcode");
	}

}
