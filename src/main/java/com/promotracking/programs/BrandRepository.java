package com.promotracking.programs;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

interface BrandRepository extends Repository<Brand, Long> {

	List<Brand> findByIdInOrderByName(Collection<Long> ids);

}
