package com.promotracking.programs;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProgramRepository extends Repository<Program, Long> {

	/**
	 * The brands come as one array parameter, not a list for {@code in}: Hibernate keeps its translation of a query
	 * only when no parameter takes a list, and this query runs for every page that shows the program list.
	 */
	@Query("""
			select new com.promotracking.programs.ProgramView(p.id, p.name, b.id, b.name) from Program p join p.brand b
			where array_contains(:brandIds, b.id) order by b.name, p.id""")
	List<ProgramView> findViewsByBrandIds(Long[] brandIds);

	/**
	 * The programs of these brands, each brand's by name (read for {@link CatalogCache}). Sorted here rather than in
	 * Java: names sort in the database's collation, as in the console's queries and its other sorts.
	 */
	@Query("""
			select new com.promotracking.programs.ProgramView(p.id, p.name, b.id, b.name) from Program p join p.brand b
			where array_contains(:brandIds, b.id) order by b.id, p.name, p.id""")
	List<ProgramView> findViewsByBrandIdsByName(Long[] brandIds);

	@Query(value = "select p.* from program p join program_partner pp on pp.program_id = p.id where pp.partner_id = :partnerId order by p.id", nativeQuery = true)
	List<Program> findByPartner(long partnerId);

}
