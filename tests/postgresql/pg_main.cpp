// The PostgreSQL store tests share one throwaway cluster: started before the first test, stopped
// and removed after the last (also when tests fail).
#include <gtest/gtest.h>

#include <cstdlib>

#include "pg_cluster.h"

namespace {

class ClusterEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { attune::testing::PgCluster::instance().start(); }
  void TearDown() override { attune::testing::PgCluster::instance().stop(); }
};

}  // namespace

int main(int argc, char** argv) {
  // The records these tests sign, and the `attune` runs they start, share this key.
  ::setenv("ATTUNE_KEY", "attune-postgresql-tests", 1);
  ::unsetenv("ATTUNE_RECORDS");
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new ClusterEnvironment);
  return RUN_ALL_TESTS();
}
