package com.promotracking.programs;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface BrandRepository extends Repository<Brand, Long> {

	/**
	 * The brands come as one array parameter, not a list for {@code in}: Hibernate translates a query with a list
	 * parameter again on every call, and CatalogCache reads this for each user's set of brands it does not hold.
	 */
	@Query("""
			select new com.promotracking.programs.BrandView(b.id, b.name) from Brand b
			where array_contains(:ids, b.id) order by b.name, b.id""")
	List<BrandView> findViewsByIds(Long[] ids);

}
