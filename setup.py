"""Package setup: every field is read from settings.ini (the single place to edit metadata)."""
from configparser import ConfigParser
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

def words(key): return cfg.get(key, '').split()

licenses = {'mit': ('MIT License', 'OSI Approved :: MIT License')}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable']
lic = licenses[cfg['license'].lower()]
min_python = cfg['min_python']
console_scripts = words('console_scripts')

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    keywords=words('keywords'),
    author=cfg['author'],
    author_email=cfg['author_email'],
    license=lic[0],
    url=cfg['git_url'],
    classifiers=[f"Development Status :: {statuses[int(cfg['status'])]}",
                 f"Intended Audience :: {cfg['audience'].title()}",
                 f"License :: {lic[1]}",
                 f"Programming Language :: Python :: {min_python}"],
    packages=setuptools.find_packages(include=['pmam', 'pmam.*']),
    include_package_data=True,
    package_data={'pmam': ['configs/*.yaml', 'configs/studies/*.yaml']},
    install_requires=words('requirements'),
    extras_require={'dev': words('dev_requirements')},
    python_requires=f'>={min_python}',
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={'console_scripts': console_scripts,
                  'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)
