package com.promotracking.programs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProgramRepository extends Repository<Program, Long> {

	@Query("select p from Program p join fetch p.brand b where b.id in :brandIds order by b.name, p.id")
	List<Program> findByBrandIds(Collection<Long> brandIds);

	/**
	 * The same for one brand. Hibernate translates a query with a list parameter anew on every call, and
	 * keeps the translation of this one: a brand admin, who has one brand, opens pages that list it often.
	 */
	@Query("select p from Program p join fetch p.brand b where b.id = :brandId order by p.id")
	List<Program> findByBrandId(long brandId);

	@Query(value = "select p.* from program p join program_partner pp on pp.program_id = p.id where pp.partner_id = :partnerId order by p.id", nativeQuery = true)
	List<Program> findByPartner(long partnerId);

	@Query("select p from Program p join fetch p.brand where p.id = :id")
	Optional<Program> findWithBrand(long id);

}
