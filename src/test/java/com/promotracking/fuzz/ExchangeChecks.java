package com.promotracking.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.fuzz.FuzzRequest.Expect;
import com.promotracking.fuzz.FuzzRequest.Role;
import com.promotracking.support.ApiContract;
import com.promotracking.support.ApiContract.Operation;

/**
 * Schemathesis' checks on one exchange, against the served document:
 * <ul>
 * <li>{@code not_a_server_error}: no 5xx;
 * <li>{@code status_code_conformance}: the status is documented for the operation, and a problem's type is one
 * the description of that status names;
 * <li>{@code content_type_conformance}: every error is {@code application/problem+json}, every answer's type is
 * documented;
 * <li>{@code response_schema_conformance}: the body matches its schema ({@link ApiContract});
 * <li>{@code negative_data_rejection}: a request the document refuses (or that is not even JSON or HTTP) is
 * refused with a 4xx; one naming another brand's id answers 403 or 404;
 * <li>{@code positive_data_acceptance}: a request the document allows is accepted (2xx), unless refused for the
 * state of the data or who asks, which is told apart as follows: 409, 412 and 422 are refusals about the
 * state of the data (a code that exists, a review already made, a validation missing), allowed with a documented
 * problem type; 403 and 404 refuse a brand's role on an operation only a partner makes (a request for a code);
 * 403 refuses a role, allowed for an API key on an operation whose security has no {@code apiKey},
 * and for a partner, who may not do what a brand does; 404 is allowed to a partner only (a brand's conversion or
 * another partner's request are not theirs to see). Anything else, 400, 401, 404, 406, 413 or 415 to a brand
 * admin or CSM with ids that exist, is a valid request refused.
 * </ul>
 */
final class ExchangeChecks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROBLEM_JSON = "application/problem+json";

	/**
	 * The operations only a partner makes, which a brand's roles are refused: the document says which credentials
	 * an operation takes, not which role.
	 */
	private static final Set<String> PARTNER_OPERATIONS = Set.of("requestSubmit");

	/** A promo code import's preview is its uploader's (alice's): anyone else is told it does not exist. */
	private static final Set<String> OWNER_OPERATIONS = Set.of("promoCodeImportGet", "promoCodeImportAccept");

	private final ApiContract contract;

	ExchangeChecks(ApiContract contract) {
		this.contract = contract;
	}

	/** A check that failed, and why. */
	record Failure(String check, String why) {
	}

	List<Failure> check(FuzzRequest request, int status, String contentType, String body) {
		List<Failure> failures = new ArrayList<>();
		if (status >= 500) {
			failures.add(new Failure("not_a_server_error", "answered " + status));
		}
		for (String violation : this.contract.violations(request.method(), request.path(), status, contentType,
				body)) {
			String check = violation.contains("status ") || violation.contains("no operation documented")
					? "status_code_conformance"
					: (violation.contains("content type") || violation.contains("a refusal as"))
							? "content_type_conformance" : "response_schema_conformance";
			failures.add(new Failure(check, violation));
		}
		boolean problem = media(contentType).equals(PROBLEM_JSON);
		if (status >= 400 && !problem) {
			failures.add(new Failure("content_type_conformance", "an error as '" + contentType + "'"));
		}
		String problemType = problem ? problemType(body) : "";
		if (problem && !problemType.isEmpty()) {
			documentedProblemType(request, status, problemType).ifPresent(failures::add);
		}
		switch (request.expect()) {
			case NEGATIVE -> {
				if (status < 400 || status >= 500) {
					failures.add(new Failure("negative_data_rejection", "a broken request answered " + status));
				}
			}
			case OTHER_BRAND -> {
				if (status != 403 && status != 404) {
					failures.add(new Failure("negative_data_rejection",
							"another brand's id answered " + status + ", not 403 or 404"));
				}
			}
			case POSITIVE -> {
				if (status >= 300 && !allowedRefusal(request, status)) {
					failures.add(new Failure("positive_data_acceptance", "a valid request refused with " + status
							+ (problemType.isEmpty() ? "" : " " + problemType)));
				}
			}
			case EITHER -> {
				// Only the checks above: the document cannot say whether it must be taken.
			}
		}
		return failures;
	}

	private static boolean allowedRefusal(FuzzRequest request, int status) {
		if (status == 409 || status == 412 || status == 422) {
			return true;
		}
		if (OWNER_OPERATIONS.contains(request.operation().operationId()) && request.role() != Role.BRAND_ADMIN
				&& status == 404) {
			return true;
		}
		if (PARTNER_OPERATIONS.contains(request.operation().operationId())) {
			return request.role() != Role.PARTNER && (status == 403 || status == 404);
		}
		if (request.role() == Role.PARTNER) {
			return status == 403 || status == 404;
		}
		if (request.role() == Role.API_KEY && status == 403) {
			return !takesApiKeys(request.operation());
		}
		return false;
	}

	private static boolean takesApiKeys(Operation operation) {
		for (JsonNode requirement : operation.node().path("security")) {
			if (requirement.has("apiKey")) {
				return true;
			}
		}
		return false;
	}

	/** A problem's type must be one the document's description of that status names. */
	private Optional<Failure> documentedProblemType(FuzzRequest request, int status, String type) {
		Optional<Operation> operation = this.contract.operation(request.method(), request.path());
		if (operation.isEmpty()) {
			return Optional.empty();
		}
		JsonNode response = operation.get().node().path("responses").path(Integer.toString(status));
		if (response.has("$ref")) {
			response = this.contract.document().at(response.path("$ref").asString().substring(1));
		}
		String description = response.path("description").asString("");
		if (response.isMissingNode() || description.contains("`" + type + "`")) {
			return Optional.empty();
		}
		return Optional.of(new Failure("status_code_conformance",
				"problem type " + type + " not among those documented for " + status + ": " + description));
	}

	private static String problemType(String body) {
		try {
			String type = JSON.readTree(body).path("type").asString("");
			return type.substring(type.lastIndexOf('/') + 1);
		}
		catch (JacksonException ex) {
			return "";
		}
	}

	private static String media(String contentType) {
		return (contentType == null ? "" : contentType).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
	}

}
