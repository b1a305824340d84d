package com.promotracking.programs;

/** A brand as other features see it. */
public record BrandView(long id, String name) {
}
