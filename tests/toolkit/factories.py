import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from toolkit import roles
from toolkit.models import Membership, Unit, User

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save()
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)

    @factory.post_generation
    def role_groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in extracted])


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U-{n:04d}")
    name_fi = factory.Sequence(lambda n: f"Yksikkö {n}")
    name_sv = factory.Sequence(lambda n: f"Enhet {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Membership.Role.EMPLOYEE


def administrator(**kwargs) -> User:
    return UserFactory(role_groups=[roles.ADMINISTRATORS], **kwargs)


def trainer(**kwargs) -> User:
    return UserFactory(role_groups=[roles.TRAINERS], **kwargs)


def member(unit: Unit, role: str = Membership.Role.EMPLOYEE, **kwargs) -> User:
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, unit=unit, role=role)
    return user


def supervisor(unit: Unit, **kwargs) -> User:
    return member(unit, Membership.Role.SUPERVISOR, **kwargs)
