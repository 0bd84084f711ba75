// Internal to the server: the class teacher's journal of their class and the correction
// requests (journal.h, class_summary.h, audit.h).
#pragma once

#include "api.h"

namespace ej::server {

// GET the class's journal for the class teacher's summary.
Result<ApiResponse> HandleClassJournal(ServerContext& ctx, ApiRequest& req);
// GET the correction requests the user may see and the locked periods.
Result<ApiResponse> HandleCorrections(ServerContext& ctx, ApiRequest& req);
// GET the journal's changes after a cursor (journal_pull.h): ?cursor=N.
Result<ApiResponse> HandleJournalChanges(ServerContext& ctx, ApiRequest& req);

}  // namespace ej::server
