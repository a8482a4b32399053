#pragma once
// Everything parley offers to C++ hosts.
#include "parley/crm.hpp"
#include "parley/error.hpp"
#include "parley/model.hpp"
#include "parley/readers.hpp"
#include "parley/period.hpp"
#include "parley/resources.hpp"
#include "parley/sentiment.hpp"
#include "parley/store.hpp"
#include "parley/terms.hpp"
#include "parley/text.hpp"
#include "parley/timing.hpp"
#include "parley/version.hpp"
