package com.promotracking.users;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface UserAccountRepository extends Repository<UserAccount, Long> {

	Optional<UserAccount> findByUsernameIgnoreCase(String username);

}
