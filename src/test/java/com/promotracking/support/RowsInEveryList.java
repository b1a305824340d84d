package com.promotracking.support;

import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.UUID;

import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.expect;

/**
 * A row in every list of a program's pages, through the API as alice and pat: with tracking and partner requests
 * on, a promo code of Coupon Corner, a request of pat's, a conversion carrying a code, an API key of alice's and a
 * CSV import of one good and one bad row; their names are new to the run. {@link #remove()} takes back what
 * another test could trip over: it rejects the request, revokes the key and turns both settings off.
 */
public record RowsInEveryList(Http http, long programId, long requestId, long keyId, long importId) {

	/** Adds the rows to the program; {@code prefix} starts the codes' and the order's names. */
	public static RowsInEveryList add(Http http, long programId, String prefix) {
		http.put(ALICE, programId, true, true);
		String run = prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		long corner = http.partnerId(ALICE, programId, "Coupon Corner");
		String api = "/api/programs/" + programId;
		expect(http.api("POST", api + "/promo-codes", ALICE,
				"{\"partnerId\": " + corner + ", \"code\": \"" + run + "\", \"creditPolicy\": \"always\", "
						+ "\"startsAt\": \"2026-01-01T00:00:00\", \"endsAt\": \"2030-12-31T23:59:59\", "
						+ "\"timeZone\": \"Europe/Paris\"}"),
				201);
		long requestId = expect(http.api("POST", api + "/promo-code-requests", PAT,
				"{\"suggestedCodes\": [\"TRAIL" + run + "\"], \"instructions\": \"For our newsletter\"}"), 201)
			.json()
			.get("id")
			.asLong();
		long onlineSale = http.eventTypeId(ALICE, programId, "Online Sale");
		expect(http.api("POST", api + "/conversions", ALICE,
				"{\"orderId\": \"" + run + "-1\", \"eventTypeId\": " + onlineSale + ", \"amount\": \"42.50\", "
						+ "\"currency\": \"USD\", \"promoCode\": \"" + run.toLowerCase(Locale.ROOT) + "\"}"),
				201);
		long keyId = expect(http.api("POST", "/api/api-keys", ALICE, "{\"name\": \"Key " + run + "\"}"), 201)
			.json()
			.get("id")
			.asLong();
		long importId = expect(http.send(HttpRequest.newBuilder(http.uri(api + "/promo-code-imports"))
			.header("Authorization", Http.basic(ALICE, Http.PASSWORDS.get(ALICE)))
			.header("Content-Type", "text/csv")
			.header("Content-Disposition", "attachment; filename=\"codes-" + run + ".csv\"")
			.POST(HttpRequest.BodyPublishers.ofString("Promo Code,Partner,Start Date,End Date\nBULK" + run
					+ ",Coupon Corner,2026-01-01,\nBAD" + run + ",Coupon Corner,2026-02-01,2026-01-01\n"))), 201)
			.json()
			.get("id")
			.asLong();
		return new RowsInEveryList(http, programId, requestId, keyId, importId);
	}

	public void remove() {
		expect(this.http.api("POST", "/api/programs/" + this.programId + "/promo-code-requests/" + this.requestId
				+ "/decision", ALICE, "{\"decision\": \"reject\", \"comment\": \"Done\"}"), 200);
		expect(this.http.api("DELETE", "/api/api-keys/" + this.keyId, ALICE, null), 204);
		this.http.put(ALICE, this.programId, false, false);
	}

}
