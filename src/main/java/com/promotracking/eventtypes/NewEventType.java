package com.promotracking.eventtypes;

record NewEventType(String name, EventTypeKind kind) {
}
