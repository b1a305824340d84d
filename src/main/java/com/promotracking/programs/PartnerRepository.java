package com.promotracking.programs;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PartnerRepository extends Repository<Partner, Long> {

	java.util.Optional<Partner> findById(long id);

	@Query("select p from Partner p join p.programIds programId where programId = :programId order by p.name, p.id")
	List<Partner> findByProgram(long programId);

	@Query("select count(p) > 0 from Partner p join p.programIds programId where p.id = :partnerId and programId = :programId")
	boolean isMember(long partnerId, long programId);

}
