package org.hromada.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.hromada.support.GraphQlSockets;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reactor.core.Disposable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hromada.support.TestUser.ADMIN;
import static org.hromada.support.TestUser.COORDINATOR_KHARKIV;
import static org.hromada.support.TestUser.COORDINATOR_KYIV;
import static org.hromada.support.TestUser.PARTNER_RELIEF;
import static org.hromada.support.TestUser.VOLUNTEER_IRPIN;
import static org.hromada.support.TestUser.VOLUNTEER_KHARKIV;

/**
 * The access table of the design (who may do what), checked for every operation of the
 * schema and every caller. The operations are read from the schema files: an operation
 * without a case here fails the build, and so does a rule in the schema that admits more
 * or fewer callers than the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests extends IntegrationTest {

	private static final Duration SOCKET_WAIT = Duration.ofSeconds(15);

	private static final Set<TestUser> EVERYONE = EnumSet.allOf(TestUser.class);

	private static final Set<TestUser> ADMINS = EnumSet.of(ADMIN);

	/** Who may act on a record of Irpin (UA3214007) in its community scope. */
	private static final Set<TestUser> IRPIN_COORDINATION = EnumSet.of(ADMIN, COORDINATOR_KYIV);

	private static final Set<TestUser> IRPIN_FIELD = EnumSet.of(ADMIN, COORDINATOR_KYIV, VOLUNTEER_IRPIN);

	private static final String BAD_NEED = "{ clientRequestId: \"matrix\", communityPcode: \"UA3214007\", sector: WASH, "
			+ "title: \"\", peopleAffected: { total: 1 }, urgency: SOON }";

	/**
	 * Id of a need in Irpin logged by volunteer.irpin, put into documents in place of
	 * IRPIN_NEED.
	 */
	private String irpinNeed;

	/**
	 * Id of a project in Irpin funded by sample-relief and by another organisation, put
	 * into documents in place of IRPIN_PROJECT.
	 */
	private String irpinProject;

	/** Key of the other funding organisation of that project, in place of OTHER_ORG. */
	private String otherOrganization;

	/**
	 * Operation (Type.field, optionally with a situation in parentheses) -> who is
	 * admitted, and a call.
	 */
	static final Map<String, Case> CASES = new LinkedHashMap<>();

	static {
		CASES.put("Query.me", new Case(EVERYONE, "{ me { id } }"));
		CASES.put("Query.community", new Case(EVERYONE, "{ community(id: \"none\") { id } }"));
		CASES.put("Query.communityByPcode", new Case(EVERYONE, "{ communityByPcode(pcode: \"UA3214007\") { id } }"));
		CASES.put("Query.communities", new Case(EVERYONE, "{ communities(first: 1) { edges { node { id } } } }"));
		CASES.put("Query.activities",
				new Case(EnumSet.of(ADMIN, COORDINATOR_KYIV, COORDINATOR_KHARKIV, VOLUNTEER_IRPIN, VOLUNTEER_KHARKIV),
						"{ activities(first: 1) { edges { node { id } } } }"));
		CASES.put("Query.verifyAuditChain",
				new Case(ADMINS, "{ verifyAuditChain(communityPcode: \"UA3214007\") { intact entries } }"));
		CASES.put("Query.auditCheckpoint", new Case(ADMINS, "{ auditCheckpoint(day: \"2020-01-01\") { day } }"));
		CASES.put("Mutation.createCommunity",
				new Case(ADMINS, "mutation { createCommunity(input: { pcode: \"bad\", name: { uk: \"\", en: \"\" }, "
						+ "adm1: { pcode: \"UA32\", name: { uk: \"К\", en: \"K\" } }, "
						+ "adm2: { pcode: \"UA3214\", name: { uk: \"Б\", en: \"B\" } } }) { userErrors { code } } }"));
		CASES.put("Mutation.updateCommunity", new Case(ADMINS,
				"mutation { updateCommunity(input: { id: \"none\", version: 0 }) { userErrors { code } } }"));
		CASES.put("Mutation.importCommunities", new Case(ADMINS,
				"mutation { importCommunities(input: { csv: \"ADM3_PCODE\\n\" }) { userErrors { code } } }"));
		CASES.put("Query.organization", new Case(EVERYONE, "{ organization(id: \"none\") { id } }"));
		CASES.put("Query.organizationByKey",
				new Case(EVERYONE, "{ organizationByKey(key: \"sample-relief\") { id communities { pcode } } }"));
		CASES.put("Query.organizations",
				new Case(EVERYONE, "{ organizations(first: 1) { edges { node { id communities { pcode } } } } }"));
		CASES.put("Query.myOrganization", new Case(EnumSet.of(PARTNER_RELIEF), "{ myOrganization { key } }"));
		CASES.put("Mutation.createOrganization",
				new Case(ADMINS,
						"mutation { createOrganization(input: { key: \"Bad Key\", name: { uk: \"\", en: \"\" }, "
								+ "type: NATIONAL_NGO }) { userErrors { code } } }"));
		CASES.put("Mutation.updateOrganization", new Case(ADMINS,
				"mutation { updateOrganization(input: { id: \"none\", version: 0 }) { userErrors { code } } }"));
		CASES.put("Query.aidRequest", new Case(EVERYONE, "{ aidRequest(id: \"none\") { id } }"));
		CASES.put("Query.aidRequest (a need of Irpin)",
				new Case(EnumSet.of(ADMIN, PARTNER_RELIEF, COORDINATOR_KYIV, VOLUNTEER_IRPIN),
						"{ aidRequest(id: \"IRPIN_NEED\") { id title } }"));
		CASES.put("Query.aidRequests", new Case(EVERYONE, "{ aidRequests(first: 1) { edges { node { id } } } }"));
		CASES.put("Query.aidRequestsNear", new Case(EVERYONE,
				"{ aidRequestsNear(point: { latitude: 50.5, longitude: 30.2 }, radiusKm: 1, first: 1) { distanceKm } }"));
		CASES.put("Mutation.logAidRequest (in a community nobody serves)",
				new Case(ADMINS, "mutation { logAidRequest(input: { clientRequestId: \"matrix\", "
						+ "communityPcode: \"UA0000000\", sector: WASH, title: \"\", peopleAffected: { total: 1 }, urgency: SOON }) "
						+ "{ userErrors { code } } }"));
		CASES.put("Mutation.logAidRequest (in Irpin)",
				new Case(IRPIN_FIELD, "mutation { logAidRequest(input: " + BAD_NEED + ") { userErrors { code } } }"));
		CASES.put("Mutation.logAidRequests",
				new Case(EnumSet.of(ADMIN, COORDINATOR_KYIV, COORDINATOR_KHARKIV, VOLUNTEER_IRPIN, VOLUNTEER_KHARKIV),
						"mutation { logAidRequests(input: { items: [" + BAD_NEED
								+ "] }) { results { userErrors { code } } } }"));
		CASES.put("Mutation.updateAidRequest (a need of Irpin logged by volunteer.irpin)", new Case(IRPIN_FIELD,
				"mutation { updateAidRequest(input: { id: \"IRPIN_NEED\", version: 999, title: \"x\" }) { userErrors { code } } }"));
		CASES.put("Mutation.triageAidRequest (a need of Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { triageAidRequest(input: { id: \"IRPIN_NEED\", version: 999 }) { userErrors { code } } }"));
		CASES.put("Mutation.changeAidRequestStatus (a need of Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { changeAidRequestStatus(input: { id: \"IRPIN_NEED\", version: 999, status: TRIAGED }) "
						+ "{ userErrors { code } } }"));
		CASES.put("Mutation.markDuplicate (a need of Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { markDuplicate(input: { id: \"IRPIN_NEED\", version: 999, duplicateOf: \"IRPIN_NEED\" }) "
						+ "{ userErrors { code } } }"));
		// reports
		Set<TestUser> dashboards = EnumSet.of(ADMIN, PARTNER_RELIEF, COORDINATOR_KYIV, COORDINATOR_KHARKIV);
		Set<TestUser> irpinDashboards = EnumSet.of(ADMIN, PARTNER_RELIEF, COORDINATOR_KYIV);
		CASES.put("Query.communityStatus",
				new Case(dashboards, "{ communityStatus(communityId: \"none\") { needs { logged { value } } } }"));
		CASES.put("Query.statusOverview",
				new Case(dashboards, "{ statusOverview { smallCountsSuppressed needs { logged { value } } } }"));
		CASES.put("Query.statusOverview (of Irpin)", new Case(irpinDashboards,
				"{ statusOverview(filter: { communities: [\"UA3214007\"] }) { needs { logged { value } } } }"));
		CASES.put("Query.threeWExport", new Case(dashboards, "{ threeWExport { downloadPath } }"));
		CASES.put("Query.threeWExport (of Irpin)", new Case(irpinDashboards,
				"{ threeWExport(filter: { communities: [\"UA3214007\"] }) { downloadPath } }"));
		// projects
		CASES.put("Query.project", new Case(EVERYONE, "{ project(id: \"none\") { id } }"));
		CASES.put("Query.project (a project of Irpin)", new Case(EVERYONE,
				"{ project(id: \"IRPIN_PROJECT\") { id organizations { organization { key } } linkedAidRequests { id } } }"));
		CASES.put("Query.projects", new Case(EVERYONE, "{ projects(first: 1) { edges { node { id } } } }"));
		CASES.put("Mutation.createProject (in a community nobody serves)",
				new Case(ADMINS, "mutation { createProject(input: { communityPcode: \"UA0000000\", title: \"\", "
						+ "sector: EDUCATION, assetCategory: EDUCATION, projectType: REHABILITATION }) { userErrors { code } } }"));
		CASES.put("Mutation.createProject (in Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { createProject(input: { communityPcode: \"UA3214007\", title: \"\", "
						+ "sector: EDUCATION, assetCategory: EDUCATION, projectType: REHABILITATION }) { userErrors { code } } }"));
		CASES.put("Mutation.updateProject (a project of Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { updateProject(input: { id: \"IRPIN_PROJECT\", version: 999, title: \"x\" }) { userErrors { code } } }"));
		CASES.put("Mutation.changeProjectStatus (a project of Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { changeProjectStatus(input: { id: \"IRPIN_PROJECT\", version: 999, status: PREPARATION, "
						+ "reason: \"x\" }) { userErrors { code } } }"));
		CASES.put("Mutation.addMilestone (a project of Irpin)",
				new Case(IRPIN_COORDINATION,
						"mutation { addMilestone(input: { projectId: \"IRPIN_PROJECT\", version: 999, title: \"x\" }) "
								+ "{ userErrors { code } } }"));
		CASES.put("Mutation.updateMilestone (a project of Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { updateMilestone(input: { projectId: \"IRPIN_PROJECT\", version: 999, milestoneId: \"none\" }) "
						+ "{ userErrors { code } } }"));
		CASES.put("Mutation.completeMilestone (a project of Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { completeMilestone(input: { projectId: \"IRPIN_PROJECT\", version: 999, milestoneId: \"none\" }) "
						+ "{ userErrors { code } } }"));
		CASES.put("Mutation.recordFunding (a project of Irpin, for the partner's organisation)", new Case(
				EnumSet.of(ADMIN, COORDINATOR_KYIV, PARTNER_RELIEF),
				"mutation { recordFunding(input: { clientRequestId: \"matrix\", projectId: \"IRPIN_PROJECT\", "
						+ "organizationKey: \"sample-relief\", kind: COMMITMENT, amount: { amountMinor: 0, currency: \"UAH\" } }) "
						+ "{ userErrors { code } } }"));
		CASES.put("Mutation.recordFunding (a project of Irpin, for another organisation)", new Case(IRPIN_COORDINATION,
				"mutation { recordFunding(input: { clientRequestId: \"matrix\", projectId: \"IRPIN_PROJECT\", "
						+ "organizationKey: \"OTHER_ORG\", kind: COMMITMENT, amount: { amountMinor: 0, currency: \"UAH\" } }) "
						+ "{ userErrors { code } } }"));
		// Volunteers and assignments. IRPIN_VOLUNTEER is volunteer.irpin's profile,
		// IRPIN_ASSIGNMENT an
		// offer to volunteer.irpin on a triaged need of Irpin (see
		// createAssignmentFixtures).
		Set<TestUser> fieldStaff = EnumSet.of(COORDINATOR_KYIV, COORDINATOR_KHARKIV, VOLUNTEER_IRPIN,
				VOLUNTEER_KHARKIV);
		Set<TestUser> allButPartners = EnumSet.complementOf(EnumSet.of(PARTNER_RELIEF));
		Set<TestUser> irpinVolunteerSelf = EnumSet.of(ADMIN, VOLUNTEER_IRPIN);
		CASES.put("Query.myVolunteerProfile", new Case(fieldStaff, "{ myVolunteerProfile { id displayName } }"));
		CASES.put("Query.volunteer", new Case(allButPartners, "{ volunteer(id: \"none\") { id } }"));
		CASES.put("Query.volunteer (volunteer.irpin)",
				new Case(IRPIN_FIELD, "{ volunteer(id: \"IRPIN_VOLUNTEER\") { id displayName } }"));
		CASES.put("Query.volunteers",
				new Case(allButPartners, "{ volunteers(first: 1) { edges { node { id displayName } } } }"));
		CASES.put("Mutation.updateMyProfile",
				new Case(fieldStaff, "mutation { updateMyProfile(input: { version: 999 }) { userErrors { code } } }"));
		CASES.put("Mutation.setVolunteerVetting (volunteer.irpin)", new Case(IRPIN_COORDINATION,
				"mutation { setVolunteerVetting(input: { volunteerId: \"IRPIN_VOLUNTEER\", vetting: UNVETTED }) "
						+ "{ userErrors { code } } }"));
		CASES.put("Query.myAssignments", new Case(fieldStaff, "{ myAssignments(first: 1) { edges { node { id } } } }"));
		CASES.put("Query.assignments", new Case(EnumSet.of(ADMIN, COORDINATOR_KYIV, COORDINATOR_KHARKIV),
				"{ assignments(first: 1) { edges { node { id } } } }"));
		CASES.put("Query.suggestVolunteers (a need of Irpin)", new Case(IRPIN_COORDINATION,
				"{ suggestVolunteers(task: { kind: AID_REQUEST, id: \"IRPIN_NEED\" }, first: 1) { score } }"));
		CASES.put("Mutation.assignVolunteer (a need of Irpin)",
				new Case(IRPIN_COORDINATION,
						"mutation { assignVolunteer(input: { task: { kind: AID_REQUEST, id: \"IRPIN_NEED\" }, "
								+ "volunteerId: \"IRPIN_VOLUNTEER\", window: { start: \"2020-01-02T10:00:00Z\", "
								+ "end: \"2020-01-01T10:00:00Z\" } }) { userErrors { code } } }"));
		CASES.put("Mutation.respondToAssignment", new Case(allButPartners,
				"mutation { respondToAssignment(input: { id: \"none\", accept: true }) { userErrors { code } } }"));
		CASES.put("Mutation.respondToAssignment (an offer to volunteer.irpin)", new Case(irpinVolunteerSelf,
				"mutation { respondToAssignment(input: { id: \"IRPIN_ASSIGNMENT\", accept: false, reason: \"\" }) "
						+ "{ userErrors { code } } }"));
		CASES.put("Mutation.checkIn (an offer to volunteer.irpin)", new Case(irpinVolunteerSelf,
				"mutation { checkIn(input: { id: \"IRPIN_ASSIGNMENT\" }) { userErrors { code } } }"));
		CASES.put("Mutation.completeAssignment (an offer to volunteer.irpin)",
				new Case(irpinVolunteerSelf,
						"mutation { completeAssignment(input: { id: \"IRPIN_ASSIGNMENT\", hoursWorked: 0 }) "
								+ "{ userErrors { code } } }"));
		CASES.put("Mutation.cancelAssignment (an offer to volunteer.irpin)",
				new Case(IRPIN_COORDINATION,
						"mutation { cancelAssignment(input: { id: \"IRPIN_ASSIGNMENT\", reason: \"\" }) "
								+ "{ userErrors { code } } }"));
		CASES.put("Mutation.registerVolunteer (in Irpin)", new Case(IRPIN_COORDINATION,
				"mutation { registerVolunteer(input: { email: \"not an email\", firstName: \"A\", lastName: \"B\", "
						+ "communityPcodes: [\"UA3214007\"] }) { userErrors { code } } }"));
		// review fixes: a milestone as a task (IRPIN_MILESTONE, a milestone of
		// IRPIN_PROJECT), and volunteers of a community nobody serves (NOBODYS_VOLUNTEER,
		// a profile in UA0000000): admins only.
		CASES.put("Query.suggestVolunteers (a milestone of Irpin)", new Case(IRPIN_COORDINATION,
				"{ suggestVolunteers(task: { kind: MILESTONE, id: \"IRPIN_MILESTONE\" }, first: 1) { score } }"));
		CASES.put("Mutation.assignVolunteer (a milestone of Irpin)",
				new Case(IRPIN_COORDINATION,
						"mutation { assignVolunteer(input: { task: { kind: MILESTONE, id: \"IRPIN_MILESTONE\" }, "
								+ "volunteerId: \"IRPIN_VOLUNTEER\", window: { start: \"2020-01-02T10:00:00Z\", "
								+ "end: \"2020-01-01T10:00:00Z\" } }) { userErrors { code } } }"));
		CASES.put("Mutation.registerVolunteer (in a community nobody serves)", new Case(ADMINS,
				"mutation { registerVolunteer(input: { email: \"not an email\", firstName: \"A\", lastName: \"B\", "
						+ "communityPcodes: [\"UA0000000\"] }) { userErrors { code } } }"));
		CASES.put("Mutation.setVolunteerVetting (a volunteer of a community nobody serves)", new Case(ADMINS,
				"mutation { setVolunteerVetting(input: { volunteerId: \"NOBODYS_VOLUNTEER\", vetting: UNVETTED }) "
						+ "{ userErrors { code } } }"));
		// subscriptions: run over WebSocket (graphql-ws), the only transport that serves
		// them; an admitted caller must receive an event (see overWebSocket)
		CASES.put("Subscription.activityAdded",
				new Case(EnumSet.of(ADMIN, COORDINATOR_KYIV, COORDINATOR_KHARKIV, VOLUNTEER_IRPIN, VOLUNTEER_KHARKIV),
						"subscription { activityAdded { id } }"));
		// claims: partners for their organisation, coordinators of the need's community
		Set<TestUser> claimReaders = EnumSet.of(ADMIN, COORDINATOR_KYIV, COORDINATOR_KHARKIV, PARTNER_RELIEF);
		Set<TestUser> claimHolders = EnumSet.of(ADMIN, PARTNER_RELIEF);
		Set<TestUser> claimCoordination = EnumSet.of(ADMIN, COORDINATOR_KYIV, COORDINATOR_KHARKIV);
		CASES.put("Query.claim", new Case(claimReaders, "{ claim(id: \"none\") { id } }"));
		CASES.put("Query.claims", new Case(claimReaders, "{ claims(first: 1) { edges { node { id } } } }"));
		CASES.put("Mutation.claimAidRequest (a need of Irpin)", new Case(claimHolders,
				"mutation { claimAidRequest(input: { aidRequestId: \"IRPIN_NEED\", organizationKey: \"sample-relief\", "
						+ "provides: \"\", deliverBy: \"2099-01-01T00:00:00Z\" }) { userErrors { code } } }"));
		CASES.put("Mutation.claimAidRequest (for another organisation)", new Case(ADMINS,
				"mutation { claimAidRequest(input: { aidRequestId: \"none\", organizationKey: \"OTHER_ORG\", "
						+ "provides: \"Tarps\", deliverBy: \"2099-01-01T00:00:00Z\" }) { userErrors { code } } }"));
		CASES.put("Mutation.releaseClaim", new Case(claimHolders,
				"mutation { releaseClaim(input: { id: \"none\", reason: \"x\" }) { userErrors { code } } }"));
		CASES.put("Mutation.reportClaimProgress", new Case(claimHolders,
				"mutation { reportClaimProgress(input: { id: \"none\", note: \"x\" }) { userErrors { code } } }"));
		CASES.put("Mutation.confirmClaim", new Case(claimCoordination,
				"mutation { confirmClaim(input: { id: \"none\" }) { userErrors { code } } }"));
		CASES.put("Mutation.rejectClaim", new Case(claimCoordination,
				"mutation { rejectClaim(input: { id: \"none\", reason: \"x\" }) { userErrors { code } } }"));
		CASES.put("Mutation.transferClaim", new Case(claimCoordination,
				"mutation { transferClaim(input: { id: \"none\", organizationKey: \"sample-relief\", reason: \"x\" }) "
						+ "{ userErrors { code } } }"));
		CASES.put("Subscription.claimChanged", new Case(claimReaders, "subscription { claimChanged { id status } }"));
		CASES.put("Subscription.aidRequestChanged", new Case(EVERYONE, "subscription { aidRequestChanged { id } }"));
		CASES.put("Subscription.aidRequestChanged (following Irpin)",
				new Case(EnumSet.of(ADMIN, PARTNER_RELIEF, COORDINATOR_KYIV, VOLUNTEER_IRPIN),
						"subscription { aidRequestChanged(communityPcodes: [\"UA3214007\"]) { id } }"));
	}

	/**
	 * An offer to volunteer.irpin on a triaged need of Irpin, for the assignment cases.
	 */
	private String irpinAssignment;

	/** A milestone of the Irpin project, in place of IRPIN_MILESTONE. */
	private String irpinMilestone;

	/**
	 * Subject of a volunteer of a community nobody serves, in place of NOBODYS_VOLUNTEER.
	 */
	private final String nobodysVolunteer = "matrix-volunteer-" + Long.toString(System.nanoTime(), 36);

	/**
	 * The fixtures, in order: the need, the organisation and the project (with its
	 * milestone), then the offer, then the volunteer nobody coordinates.
	 */
	@BeforeAll
	void createFixtures() {
		loadSampleCommunities();
		logANeedInIrpin();
		this.irpinMilestone = as(COORDINATOR_KYIV)
			.document(
					"mutation($id: ID!) { addMilestone(input: { projectId: $id, version: 0, title: \"Matrix roof\" }) "
							+ "{ milestone { id } userErrors { message } } }")
			.variable("id", this.irpinProject)
			.execute()
			.path("addMilestone.milestone.id")
			.entity(String.class)
			.get();
		createAssignmentFixtures();
		withToken(TestTokens.accessToken(VOLUNTEER_IRPIN,
				claims -> claims.subject(this.nobodysVolunteer).claim("communities", List.of("UA0000000"))))
			.document("{ myVolunteerProfile { id } }")
			.execute()
			.path("myVolunteerProfile.id")
			.entity(String.class)
			.isEqualTo(this.nobodysVolunteer);
	}

	private void createAssignmentFixtures() {
		as(VOLUNTEER_IRPIN).document("{ myVolunteerProfile { id } }").execute();
		String need = as(COORDINATOR_KYIV)
			.document("mutation { logAidRequest(input: { clientRequestId: \"matrix-assignment-fixture\", "
					+ "communityPcode: \"UA3214007\", sector: WASH, title: \"Matrix assignment fixture\", "
					+ "peopleAffected: { total: 1 }, urgency: SOON }) { aidRequest { id } } }")
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		as(COORDINATOR_KYIV)
			.document("mutation($id: ID!) { triageAidRequest(input: { id: $id, version: 0 }) { userErrors { code } } }")
			.variable("id", need)
			.execute();
		java.time.Instant start = Instant.now().plus(java.time.Duration.ofDays(30));
		this.irpinAssignment = as(COORDINATOR_KYIV)
			.document(
					"mutation($input: AssignVolunteerInput!) { assignVolunteer(input: $input) { assignment { id } } }")
			.variable("input",
					Map.of("task", Map.of("kind", "AID_REQUEST", "id", need), "volunteerId", VOLUNTEER_IRPIN.subject(),
							"window", Map.of("start", start.toString(), "end", start.plusSeconds(3600).toString())))
			.execute()
			.path("assignVolunteer.assignment.id")
			.entity(String.class)
			.get();
	}

	private void logANeedInIrpin() {
		this.irpinNeed = as(VOLUNTEER_IRPIN)
			.document("mutation { logAidRequest(input: { clientRequestId: \"matrix-fixture\", "
					+ "communityPcode: \"UA3214007\", sector: WASH, title: \"Matrix fixture\", peopleAffected: { total: 1 }, "
					+ "urgency: SOON, contact: { phone: \"+380 67 000 00 00\" } }) { aidRequest { id } } }")
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		this.otherOrganization = "matrix-other-" + Long.toString(System.nanoTime(), 36);
		as(ADMIN)
			.document("mutation { createOrganization(input: { key: \"" + this.otherOrganization
					+ "\", name: { uk: \"Інша\", en: \"Other\" }, type: NATIONAL_NGO }) { userErrors { code } } }")
			.execute()
			.path("createOrganization.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		this.irpinProject = as(COORDINATOR_KYIV)
			.document("mutation { createProject(input: { communityPcode: \"UA3214007\", "
					+ "title: \"Matrix school\", sector: EDUCATION, assetCategory: EDUCATION, projectType: REHABILITATION, "
					+ "organizations: [{ organizationKey: \"sample-relief\", roles: [FUNDING] }, { organizationKey: \""
					+ this.otherOrganization + "\", roles: [FUNDING] }], linkedAidRequestIds: [\"" + this.irpinNeed
					+ "\"] }) { project { id } userErrors { message } } }")
			.execute()
			.path("createProject.project.id")
			.entity(String.class)
			.get();
	}

	private String withFixtures(String document) {
		return document.replace("IRPIN_NEED", this.irpinNeed)
			.replace("IRPIN_PROJECT", this.irpinProject)
			.replace("IRPIN_MILESTONE", this.irpinMilestone)
			.replace("NOBODYS_VOLUNTEER", this.nobodysVolunteer)
			.replace("OTHER_ORG", this.otherOrganization)
			.replace("IRPIN_ASSIGNMENT", this.irpinAssignment)
			.replace("IRPIN_VOLUNTEER", VOLUNTEER_IRPIN.subject());
	}

	@Test
	void everyOperationOfTheSchemaHasACase() throws IOException {
		Set<String> covered = new TreeSet<>();
		CASES.keySet().forEach(key -> covered.add(key.replaceAll(" \\(.*\\)$", "")));
		assertThat(covered).as("operations with a case in the access matrix").isEqualTo(schemaOperations());
	}

	@TestFactory
	Stream<DynamicTest> eachRoleIsAdmittedOrRefusedAsTheTableSays() {
		return CASES.entrySet().stream().flatMap(entry -> EVERYONE.stream().map(user -> {
			boolean admitted = entry.getValue().admitted().contains(user);
			return DynamicTest.dynamicTest(entry.getKey() + " by " + user + (admitted ? " is admitted" : " is refused"),
					() -> {
						String document = withFixtures(entry.getValue().document());
						List<String> accessErrors = isSubscription(document) ? overWebSocket(user, document)
								: overHttp(user, document);
						if (admitted) {
							assertThat(accessErrors).as("access errors").isEmpty();
						}
						else {
							assertThat(accessErrors).as("access errors").contains("FORBIDDEN");
						}
					});
		}));
	}

	@TestFactory
	Stream<DynamicTest> callersWithoutAValidTokenAreRefusedEverything() {
		Instant past = Instant.now().minusSeconds(3600);
		Map<String, String> tokens = Map.of("anonymous", "", "wrong audience",
				TestTokens.accessToken(ADMIN, claims -> claims.audience(List.of("account"))), "expired token",
				TestTokens.accessToken(ADMIN,
						claims -> claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))));
		return CASES.entrySet()
			.stream()
			.flatMap(entry -> tokens.entrySet()
				.stream()
				.map(token -> DynamicTest.dynamicTest(entry.getKey() + " by " + token.getKey() + " is unauthorized",
						() -> refusesWithoutAValidToken(entry.getValue().document(), token.getValue()))));
	}

	private void refusesWithoutAValidToken(String document, String token) {
		if (isSubscription(document)) {
			// The socket is closed at connection_init, before any operation.
			String payload = token.isEmpty() ? "{}" : "{\"Authorization\":\"Bearer " + token + "\"}";
			assertThat(GraphQlSockets.connectionInit(this.port, payload).status().getCode()).as("WebSocket close code")
				.isEqualTo(4401);
			return;
		}
		http().mutate().defaultHeaders(headers -> {
			if (!token.isEmpty()) {
				headers.setBearerAuth(token);
			}
		})
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", withFixtures(document)))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static boolean isSubscription(String document) {
		return document.startsWith("subscription");
	}

	private List<String> overHttp(TestUser user, String document) {
		List<String> accessErrors = new ArrayList<>();
		as(user).document(document)
			.execute()
			.errors()
			.satisfy(errors -> errors.stream()
				.filter(AccessMatrixTests::isAccessError)
				.map(error -> error.getErrorType().toString())
				.forEach(accessErrors::add));
		return accessErrors;
	}

	/**
	 * Subscribes over WebSocket as the user, then makes a change the user may see (a need
	 * logged in their first community, or Irpin, by them if they may log needs, else by
	 * an admin), and returns the access errors: a refused caller gets FORBIDDEN at once,
	 * an admitted one must receive the change.
	 */
	private List<String> overWebSocket(TestUser user, String document) {
		WebSocketGraphQlClient client = GraphQlSockets.client(this.port, TestTokens.accessToken(user));
		Queue<ClientGraphQlResponse> responses = new ConcurrentLinkedQueue<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicBoolean completed = new AtomicBoolean();
		Disposable subscription = client.document(document)
			.executeSubscription()
			.subscribe(responses::add, failure::set, () -> completed.set(true));
		try {
			// Answered after the server has taken in the subscription (the
			// messages of a socket are handled in order).
			client.document("{ me { id } }").execute().block(SOCKET_WAIT);
			String community = user.communities().isEmpty() ? "UA3214007" : user.communities().get(0);
			GraphQlTester.Response logged = as((user == PARTNER_RELIEF) ? ADMIN : user)
				.document("mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) "
						+ "{ aidRequest { id } userErrors { code } } }")
				.variable("input",
						Map.of("clientRequestId", "matrix-subscription-" + UUID.randomUUID(), "communityPcode",
								community, "sector", "WASH", "title", "Matrix subscription trigger", "peopleAffected",
								Map.of("total", 1), "urgency", "SOON"))
				.execute();
			logged.path("logAidRequest.userErrors").entityList(Object.class).hasSize(0);
			if (document.contains("claimChanged")) {
				claimAndRelease(logged.path("logAidRequest.aidRequest.id").entity(String.class).get());
			}
			await().atMost(SOCKET_WAIT).until(() -> !responses.isEmpty() || failure.get() != null || completed.get());
		}
		finally {
			subscription.dispose();
			client.stop().block(SOCKET_WAIT);
		}
		List<ResponseError> errors = new ArrayList<>();
		responses.forEach(response -> errors.addAll(response.getErrors()));
		if (failure.get() instanceof SubscriptionErrorException refused) {
			errors.addAll(refused.getErrors());
		}
		else if (failure.get() != null) {
			throw new AssertionError("The subscription failed", failure.get());
		}
		return errors.stream()
			.filter(AccessMatrixTests::isAccessError)
			.map(error -> error.getErrorType().toString())
			.toList();
	}

	/** A claim change of sample-relief on the need, which every claim reader may see. */
	private void claimAndRelease(String need) {
		String claim = as(ADMIN)
			.document("mutation($id: ID!) { claimAidRequest(input: { aidRequestId: $id, organizationKey: "
					+ "\"sample-relief\", provides: \"Matrix\", deliverBy: \"2099-01-01T00:00:00Z\" }) { claim { id } } }")
			.variable("id", need)
			.execute()
			.path("claimAidRequest.claim.id")
			.entity(String.class)
			.get();
		as(ADMIN)
			.document("mutation($id: ID!) { releaseClaim(input: { id: $id, reason: \"Matrix\" }) { claim { id } } }")
			.variable("id", claim)
			.execute();
	}

	private static boolean isAccessError(ResponseError error) {
		String type = error.getErrorType().toString();
		return type.equals("FORBIDDEN") || type.equals("UNAUTHORIZED");
	}

	static Set<String> schemaOperations() throws IOException {
		Set<String> operations = new TreeSet<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
			try (InputStream in = file.getInputStream()) {
				TypeDefinitionRegistry registry = new SchemaParser()
					.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				for (String root : List.of("Query", "Mutation", "Subscription")) {
					registry.getType(root, ObjectTypeDefinition.class)
						.ifPresent(type -> type.getFieldDefinitions()
							.forEach(field -> operations.add(root + "." + field.getName())));
					registry.objectTypeExtensions()
						.getOrDefault(root, List.of())
						.forEach(extension -> extension.getFieldDefinitions()
							.stream()
							.map(FieldDefinition::getName)
							.forEach(name -> operations.add(root + "." + name)));
				}
			}
		}
		return operations;
	}

	/**
	 * Who the table admits to an operation, and a call of it that is harmless to repeat.
	 */
	record Case(Set<TestUser> admitted, String document) {

	}

}
