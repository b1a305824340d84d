/** The change history of a program's settings: who changed or tried to change what, when, and how. */
package com.promotracking.audit;
