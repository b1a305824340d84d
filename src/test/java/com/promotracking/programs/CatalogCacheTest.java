package com.promotracking.programs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the catalog cache reads, and when: the brands not held, together, and each brand's list once. */
class CatalogCacheTest {

	private final List<Collection<Long>> programReads = new ArrayList<>();

	private final List<Set<Long>> brandReads = new ArrayList<>();

	private final CatalogCache cache = new CatalogCache(ids -> {
		this.brandReads.add(ids);
		return ids.stream().sorted().map(id -> new BrandView(id, "Brand " + id)).toList();
	}, ids -> {
		this.programReads.add(List.copyOf(ids));
		// Brand 3 has no programs: the reader leaves it out.
		Map<Long, List<ProgramView>> found = new HashMap<>();
		if (ids.contains(1L)) {
			found.put(1L, List.of(new ProgramView(11, "A", 1, "Brand 1"), new ProgramView(12, "B", 1, "Brand 1")));
		}
		if (ids.contains(2L)) {
			found.put(2L, List.of(new ProgramView(21, "A", 2, "Brand 2")));
		}
		return found;
	});

	@Test
	void brandsNotHeldAreReadTogetherOnceAndABrandWithoutProgramsHasAnEmptyList() {
		Map<Long, CatalogCache.BrandPrograms> first = this.cache.programs(List.of(1L, 3L));
		Map<Long, CatalogCache.BrandPrograms> second = this.cache.programs(List.of(1L, 2L, 3L));

		assertThat(first.get(1L).byName()).extracting(ProgramView::id).containsExactly(11L, 12L);
		assertThat(first.get(3L).byName()).isEmpty();
		assertThat(first.get(3L).inOrderMade()).isEmpty();
		assertThat(second.get(2L).byName()).extracting(ProgramView::id).containsExactly(21L);
		assertThat(this.programReads).hasSize(2);
		assertThat(this.programReads.get(0)).containsExactlyInAnyOrder(1L, 3L);
		assertThat(this.programReads.get(1)).containsExactly(2L);
	}

	@Test
	void aBrandsProgramsAreHeldByNameAndInTheOrderTheyWereMade() {
		CatalogCache cache = new CatalogCache(ids -> List.of(), ids -> Map.of(1L,
				List.of(new ProgramView(12, "Alpha", 1, "Brand 1"), new ProgramView(11, "Beta", 1, "Brand 1"))));

		CatalogCache.BrandPrograms held = cache.programs(List.of(1L)).get(1L);

		assertThat(held.byName()).extracting(ProgramView::name).containsExactly("Alpha", "Beta");
		assertThat(held.inOrderMade()).extracting(ProgramView::id).containsExactly(11L, 12L);
	}

	@Test
	void aUsersBrandsAreReadOncePerSetOfBrands() {
		assertThat(this.cache.brands(Set.of(2L, 1L))).extracting(BrandView::id).containsExactly(1L, 2L);
		assertThat(this.cache.brands(Set.of(1L, 2L))).extracting(BrandView::id).containsExactly(1L, 2L);
		assertThat(this.cache.brands(Set.of(1L))).extracting(BrandView::id).containsExactly(1L);

		assertThat(this.brandReads).containsExactly(Set.of(1L, 2L), Set.of(1L));
	}

}
