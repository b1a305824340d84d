/** Partners asking a brand for a promo code of their own, and the brand deciding. */
package com.promotracking.requests;
