package cn.vanguard.review;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class ReviewStatesOnPostgresTest extends ReviewStatesContract {
}
