package com.promotracking.programs;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PartnerRepository extends Repository<Partner, Long> {

	Optional<Partner> findById(long id);

	@Query("select p from Partner p join p.programIds programId where programId = :programId order by p.name, p.id")
	List<Partner> findByProgram(long programId);

	@Query("select p from Partner p join p.programIds programId where p.id = :partnerId and programId = :programId")
	Optional<Partner> findInProgram(long partnerId, long programId);

}
