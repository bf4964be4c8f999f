// Tests of the project settings overrides of a Godot-style engine. The
// engine's own environment layer is a per-instance map; nothing here
// touches the process environment or the working directory.

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "core/typedefs.h"

namespace config {

// The engine's environment overlay: values set here shadow the real
// environment for this engine instance only.
class EnvironmentOverlay {
public:
	void setenv(const String &p_name, const String &p_value) { values[p_name] = p_value; }
	void unsetenv(const String &p_name) { values.erase(p_name); }
	String getenv(const String &p_name) const {
		auto it = values.find(p_name);
		return it == values.end() ? String() : it->second;
	}

private:
	std::map<String, String> values;
};

class ProjectSettingsLoader {
public:
	explicit ProjectSettingsLoader(const EnvironmentOverlay &p_env) :
			env(p_env) {}
	// Not a test hook: prepares the loader for a project directory.
	void SetUp(const String &p_project_dir) { project_dir = p_project_dir; }
	String resolve(const String &p_key) const;
	const String &get_project_dir() const { return project_dir; }

private:
	const EnvironmentOverlay &env;
	String project_dir;
};

class ProjectSettingsTest : public ::testing::Test {
protected:
	void SetUp() override {
		overlay.setenv("GODOT_RENDERING_DRIVER", "opengl3");
		loader.SetUp("res://tests/fixtures/project");
	}

	void TearDown() override {
		overlay.unsetenv("GODOT_RENDERING_DRIVER");
	}

	EnvironmentOverlay overlay;
	ProjectSettingsLoader loader{ overlay };
};

TEST_F(ProjectSettingsTest, OverlayOverridesProjectValue) {
	EXPECT_EQ(overlay.getenv("GODOT_RENDERING_DRIVER"), "opengl3");
	EXPECT_EQ(loader.get_project_dir(), "res://tests/fixtures/project");
}

TEST_F(ProjectSettingsTest, RelativeImportPathStaysRelative) {
	const String path = "tests/fixtures/import/icon.png";
	EXPECT_EQ(path.rfind("tests/", 0), 0u);
}

} // namespace config
