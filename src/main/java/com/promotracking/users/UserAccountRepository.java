package com.promotracking.users;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserAccountRepository extends Repository<UserAccount, Long> {

	Optional<UserAccount> findByUsernameIgnoreCase(String username);

	@Query("select u from UserAccount u join u.assignedBrandIds b where u.role = com.promotracking.users.Role.CSM and b = :brandId order by u.id")
	List<UserAccount> findCsmsOfBrand(long brandId);

}
