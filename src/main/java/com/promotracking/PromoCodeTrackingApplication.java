package com.promotracking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PromoCodeTrackingApplication {

	public static void main(String[] args) {
		SpringApplication.run(PromoCodeTrackingApplication.class, args);
	}

}
