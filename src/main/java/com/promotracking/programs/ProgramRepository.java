package com.promotracking.programs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProgramRepository extends Repository<Program, Long> {

	@Query("select p from Program p join fetch p.brand b where b.id in :brandIds order by b.name, p.id")
	List<Program> findByBrandIds(Collection<Long> brandIds);

	@Query(value = "select p.* from program p join program_partner pp on pp.program_id = p.id where pp.partner_id = :partnerId order by p.id", nativeQuery = true)
	List<Program> findByPartner(long partnerId);

	@Query("select p from Program p join fetch p.brand where p.id = :id")
	Optional<Program> findWithBrand(long id);

}
