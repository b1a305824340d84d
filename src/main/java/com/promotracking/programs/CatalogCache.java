package com.promotracking.programs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The brands and programs as the platform names them, kept for {@link #FRESH_FOR}: the platform creates and names
 * them, this service never does, and every page's menus list the user's brands and programs, and a CSM's console the
 * programs of every one of their brands, thousands, on every page. A brand or program the platform adds or renames
 * shows in these lists within {@code FRESH_FOR}; what a page says about each program (its settings, requests, codes)
 * is read fresh, and access is checked against the user's own brands, not against these lists.
 */
class CatalogCache {

	static final Duration FRESH_FOR = Duration.ofSeconds(30);

	/** Brands or programs held in each of the two lists, at most (a list weighs its length, and one at least). */
	private static final int ENTRIES = 50_000;

	private final Cache<Set<Long>, List<BrandView>> brands = Caffeine.newBuilder()
		.expireAfterWrite(FRESH_FOR)
		.maximumWeight(ENTRIES)
		.<Set<Long>, List<BrandView>>weigher((brandIds, named) -> Math.max(1, named.size()))
		.build();

	private final Cache<Long, BrandPrograms> programs = Caffeine.newBuilder()
		.expireAfterWrite(FRESH_FOR)
		.maximumWeight(ENTRIES)
		.<Long, BrandPrograms>weigher((brandId, held) -> Math.max(1, held.byName().size()))
		.build();

	private final Function<Set<Long>, List<BrandView>> readBrands;

	private final Function<Collection<Long>, Map<Long, List<ProgramView>>> readPrograms;

	/**
	 * {@code readBrands}: these brands by name; {@code readPrograms}: the programs of these brands, each brand's by
	 * name, a brand without programs left out or empty.
	 */
	CatalogCache(Function<Set<Long>, List<BrandView>> readBrands,
			Function<Collection<Long>, Map<Long, List<ProgramView>>> readPrograms) {
		this.readBrands = readBrands;
		this.readPrograms = readPrograms;
	}

	/** These brands by name. */
	List<BrandView> brands(Set<Long> brandIds) {
		return this.brands.get(brandIds, this.readBrands);
	}

	/** The programs of each of these brands; those not held are read together, in one query. */
	Map<Long, BrandPrograms> programs(Collection<Long> brandIds) {
		return this.programs.getAll(brandIds, missing -> {
			Map<Long, List<ProgramView>> read = this.readPrograms.apply(List.copyOf(missing));
			Map<Long, BrandPrograms> found = new HashMap<>();
			missing.forEach(id -> found.put(id, BrandPrograms.of(read.getOrDefault(id, List.of()))));
			return found;
		});
	}

	/** A brand's programs by name (then id), and in the order they were made (by id). */
	record BrandPrograms(List<ProgramView> byName, List<ProgramView> inOrderMade) {

		static BrandPrograms of(List<ProgramView> byName) {
			List<ProgramView> inOrderMade = new ArrayList<>(byName);
			inOrderMade.sort(Comparator.comparingLong(ProgramView::id));
			return new BrandPrograms(List.copyOf(byName), List.copyOf(inOrderMade));
		}

	}

}
