package com.promotracking.programs;

/** A partner as other features see it. */
public record PartnerView(long id, String name) {
}
