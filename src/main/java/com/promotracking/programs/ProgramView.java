package com.promotracking.programs;

/** A program as other features see it. */
public record ProgramView(long id, String name, long brandId, String brandName) {
}
